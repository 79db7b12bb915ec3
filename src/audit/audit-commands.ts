import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { verifyChain } from './audit.repository.js';

export function registerAuditCommands(program: Command, cli: CliHost): void {
  const audit = program.command('audit').description('the append-only, hash-chained event log');
  audit
    .command('verify')
    .description('re-compute the hash chain and report the first broken link (exit code 1 if any)')
    .action(async () => {
      await cli.withKernel(
        async (k) => {
          const db = k.db;
          const r = await verifyChain(db);
          if (r.ok) {
            process.stdout.write(`audit chain intact: ${r.checked} events verified\n`);
          } else {
            const b = r.firstBreak!;
            const code = b.problemId
              ? (await db.selectFrom('problems').select('code').where('id', '=', b.problemId).executeTakeFirst())?.code
              : undefined;
            process.stdout.write(
              `audit chain BROKEN at event ${b.eventId}${code ? ` (problem ${code})` : ''}: ${b.message}; ` +
                `${r.checked} events verified before it\n`,
            );
            process.exitCode = 1;
          }
          // Features with chains of their own (records that are not items) are walked after it.
          for (const f of k.features) {
            for (const chain of f.auditChains?.(k.of(f), k) ?? []) {
              const c = await chain.verify();
              process.stdout.write(
                c.ok
                  ? `${chain.name} chain intact: ${c.checked} events verified\n`
                  : `${chain.name} chain BROKEN: ${c.message}; ${c.checked} events verified before it\n`,
              );
              if (!c.ok) process.exitCode = 1;
            }
          }
        },
        { start: false },
      );
    });
}
