import { Command } from 'commander';
import { features } from '../features.js';
import { registerServe } from './serve.js';
import { cliHost } from './cli-host.js';

/** The `qingdan` command line: `serve`, and every feature's commands (src/features.ts). */
const program = new Command('qingdan')
  .description("清单 Qingdan — turn a city's problem list into a service list")
  .showHelpAfterError();
const cli = cliHost();
registerServe(program, cli);
for (const f of features) f.cli?.(program, cli);

program.parseAsync(process.argv).catch((err) => {
  process.stderr.write(
    `qingdan: ${err instanceof Error ? (process.env.QINGDAN_STACK ? err.stack : err.message) : String(err)}\n`,
  );
  process.exit(1);
});
