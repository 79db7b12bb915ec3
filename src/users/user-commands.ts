import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { userService } from './user.service.js';

export function registerUserCommands(program: Command, cli: CliHost): void {
  const user = program.command('user').description('manage staff accounts');
  user
    .command('add')
    .description('create a staff account')
    .requiredOption('-u, --username <name>', 'login name')
    .requiredOption('-r, --role <role>', 'admin | acceptance | department | supervisor | leader')
    .option('-n, --name <display>', 'display name (default: the username)')
    .option('-d, --department <code>', 'department code (required for department staff)')
    .option('--password <password>', 'password (default: read QINGDAN_PASSWORD)')
    .action(async (opts: { username: string; role: string; name?: string; department?: string; password?: string }) => {
      const password = opts.password ?? process.env.QINGDAN_PASSWORD;
      if (!password || password.length < 8)
        throw new Error('give a password of at least 8 characters (--password or QINGDAN_PASSWORD)');
      if (!['admin', 'acceptance', 'department', 'supervisor', 'leader'].includes(opts.role))
        throw new Error(`unknown role "${opts.role}"`);
      await cli.withDb(async ({ db }, config) => {
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
        const created = await userService(db, { clock: () => new Date(), sessionDays: config.sessionDays }).create({
          username: opts.username,
          displayName: opts.name ?? opts.username,
          password,
          role: opts.role,
          departmentId,
        });
        process.stdout.write(`created user ${created.username} (${created.role}) with id ${created.id}\n`);
      });
    });
}
