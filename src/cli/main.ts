import { Command } from 'commander';
import { registerServe } from './serve.js';
import { registerDbCommands } from './db-commands.js';
import { registerUserCommands } from './user-commands.js';
import { registerAuditCommands } from './audit-commands.js';
import { cliFeatures } from './cli-features.js';

/** The `qingdan` command line; one file per command group. */
const program = new Command('qingdan')
  .description("清单 Qingdan — turn a city's problem list into a service list")
  .showHelpAfterError();
registerServe(program);
registerDbCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
for (const register of cliFeatures) register(program);

program.parseAsync(process.argv).catch((err) => {
  process.stderr.write(`qingdan: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
