import type { Command } from 'commander';
import { startServer } from '../server.js';
import type { CliHost } from './cli-host.js';

export function registerServe(program: Command, cli: CliHost): void {
  program
    .command('serve')
    .description('start the HTTP server (API, Open311 and the web UI); migrations run first')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--demo', 'seed the demo city into an empty database (same as QINGDAN_DEMO=1)')
    .action(async (opts: { port?: string; demo?: boolean }) => {
      if (opts.port) process.env.PORT = opts.port;
      if (opts.demo) process.env.QINGDAN_DEMO = '1';
      await startServer(cli.config());
    });
}
