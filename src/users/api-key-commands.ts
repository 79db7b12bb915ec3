/**
 * `qingdan apikey create|list|revoke`: API keys from the command line, so an operator can give
 * an Open311 client (or any machine client) its key without the web UI. The key is printed once;
 * only its digest is stored.
 */
import type { Command } from 'commander';
import { CONSOLE_ACTOR, type CliHost } from '../cli/cli-host.js';
import { apiKeyService } from './api-key.service.js';

const ROLES = ['public', 'admin', 'acceptance', 'department', 'supervisor', 'leader'];

export function registerApiKeyCommands(program: Command, cli: CliHost): void {
  const apikey = program.command('apikey').description('manage API keys (Open311 clients and other machine clients)');
  apikey
    .command('create')
    .description('create an API key and print it (shown once)')
    .requiredOption('-n, --name <name>', 'who the key is for, e.g. "荆州 311 App"')
    .option('-r, --role <role>', `${ROLES.join(' | ')} (default: public, right for Open311 clients)`, 'public')
    .option('-d, --department <code>', 'department code (required for department keys)')
    .action(async (opts: { name: string; role: string; department?: string }) => {
      if (!ROLES.includes(opts.role)) throw new Error(`unknown role "${opts.role}"`);
      await cli.withDb(async ({ db }) => {
        let departmentId: number | null = null;
        if (opts.department) {
          const dept = await db
            .selectFrom('departments')
            .select('id')
            .where('code', '=', opts.department)
            .executeTakeFirst();
          if (!dept) throw new Error(`no department with code "${opts.department}"`);
          departmentId = dept.id;
        }
        const { apiKey, key } = await apiKeyService(db, () => new Date()).create(CONSOLE_ACTOR, {
          name: opts.name,
          role: opts.role,
          departmentId,
        });
        process.stdout.write(`created API key ${apiKey.id} "${apiKey.name}" (${apiKey.role})\n${key}\n`);
      });
    });
  apikey
    .command('list')
    .description('list API keys (prefixes only)')
    .action(async () => {
      await cli.withDb(async ({ db }) => {
        for (const k of await apiKeyService(db, () => new Date()).list()) {
          process.stdout.write(
            `${k.id}\t${k.prefix}…\t${k.role}\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}\t${k.name}\n`,
          );
        }
      });
    });
  apikey
    .command('revoke <id>')
    .description('revoke an API key by id')
    .action(async (id: string) => {
      await cli.withDb(async ({ db }) => {
        await apiKeyService(db, () => new Date()).revoke(Number(id));
        process.stdout.write(`revoked API key ${id}\n`);
      });
    });
}
