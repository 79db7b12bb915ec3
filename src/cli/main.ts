import { Command } from 'commander';
import { features } from '../features.js';
import { registerServe } from './serve.js';
import { cliHost } from './cli-host.js';
import { cliErrorText, cliLang } from './cli-lang.js';

/** The `qingdan` command line: `serve`, and every feature's commands (src/features.ts). */
const program = new Command('qingdan')
  .description("清单 Qingdan — turn a city's problem list into a service list")
  .showHelpAfterError();
const cli = cliHost();
registerServe(program, cli);
for (const f of features) f.cli?.(program, cli);

// Errors are explained in the console's language (cli-lang.ts): `--lang en|zh`, else LC_ALL/LANG.
const { lang, argv } = cliLang(process.argv, process.env);
program.parseAsync(argv).catch((err) => {
  const stack = process.env.QINGDAN_STACK && err instanceof Error ? err.stack : null;
  process.stderr.write(`qingdan: ${stack ?? cliErrorText(err, lang)}\n`);
  process.exit(1);
});
