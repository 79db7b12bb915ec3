import fs from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../db/database.js';
import type { Config } from '../config.js';
import { createServices } from '../services.js';
import { systemClock } from '../shared/time.js';
import type { Actor } from '../auth/actor.js';
import { withDb } from '../cli/context.js';
import type { CalendarData } from '../supervision/calendar.js';
import { startSupervision } from '../supervision/supervision-feature.js';
import { calendarService } from '../supervision/calendar.service.js';
import { settlementService } from '../assessment/settlement.service.js';

/** The command line acts as an administrator: whoever runs it already holds the database. */
const CLI_ACTOR: Actor = {
  kind: 'user',
  id: null,
  name: 'qingdan CLI',
  role: 'admin',
  departmentId: null,
  departmentScope: [],
  viaCookie: false,
};

async function runtimeFor(db: Db, config: Config) {
  return startSupervision(createServices(db, config, systemClock));
}

/** Runs one job by hand under the same lease as the scheduler, so it never overlaps a running one. */
export async function runJobByHand(db: Db, config: Config, name: string) {
  const rt = await runtimeFor(db, config);
  try {
    return await rt.jobs.run(name);
  } finally {
    await rt.notifier.close();
  }
}

export async function importCalendar(db: Db, config: Config, data: CalendarData, only?: number) {
  const rt = await runtimeFor(db, config);
  const cal = calendarService(rt);
  const done: number[] = [];
  for (const [year, y] of Object.entries(data.years ?? {})) {
    if (only !== undefined && Number(year) !== only) continue;
    await cal.putYear(CLI_ACTOR, Number(year), {
      daysOff: y.days_off ?? [],
      adjustedWorkdays: y.adjusted_workdays ?? [],
      source: y.source,
    });
    done.push(Number(year));
  }
  return done;
}

const print = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

export function registerSupervisionCommands(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('scheduled jobs (warnings, reminders, weekly-reports, notifications)');
  jobs
    .command('list')
    .description('list the jobs')
    .action(async () => {
      await withDb(async (db, config) => {
        const rt = await runtimeFor(db, config);
        for (const j of rt.jobs.list()) process.stdout.write(`${j.name.padEnd(16)} ${j.description}\n`);
      });
    });
  jobs
    .command('run <name>')
    .description('run one job now (waits for no other instance to be running it)')
    .action(async (name: string) => {
      await withDb(async (db, config) => {
        const out = await runJobByHand(db, config, name);
        print(out);
        if (!out.ran) process.exitCode = 3;
      });
    });

  const calendar = program.command('calendar').description('the working-day calendar');
  calendar
    .command('import <file>')
    .description(
      'import years from a JSON file in the shipped format ({"years": {"2027": {"days_off": […], "adjusted_workdays": […]}}})',
    )
    .option('--year <year>', 'import only this year')
    .action(async (file: string, opts: { year?: string }) => {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CalendarData;
      await withDb(async (db, config) => {
        const years = await importCalendar(db, config, data, opts.year ? Number(opts.year) : undefined);
        process.stdout.write(years.length ? `imported: ${years.join(', ')}\n` : 'no year imported\n');
      });
    });
  calendar
    .command('show <year>')
    .description("print a year's effective calendar")
    .action(async (year: string) => {
      await withDb(async (db, config) => print(calendarService(await runtimeFor(db, config)).year(Number(year))));
    });

  program
    .command('settle <month>')
    .description("settle (freeze) a finished month's assessment, YYYY-MM")
    .action(async (month: string) => {
      await withDb(async (db, config) => {
        const card = await settlementService(await runtimeFor(db, config)).settle(CLI_ACTOR, month);
        process.stdout.write(`settled ${card.month}: ${card.departments.length} units, ${card.areas.length} areas\n`);
      });
    });
}
