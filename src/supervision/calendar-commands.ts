import fs from 'node:fs';
import type { Command } from 'commander';
import { CONSOLE_ACTOR, printJson, type CliHost } from '../cli/cli-host.js';
import type { CalendarData } from './calendar.js';
import { calendarService } from './calendar.service.js';
import { supervisionFeature } from './supervision.feature.js';

export function registerCalendarCommands(program: Command, cli: CliHost): void {
  const calendar = program.command('calendar').description('the working-day calendar');
  calendar
    .command('import <file>')
    .description(
      'import years from a JSON file in the shipped format ' +
        '({"years": {"2027": {"days_off": […], "adjusted_workdays": […]}}})',
    )
    .option('--year <year>', 'import only this year')
    .action(async (file: string, opts: { year?: string }) => {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CalendarData;
      const only = opts.year ? Number(opts.year) : undefined;
      await cli.withKernel(async (k) => {
        const cal = calendarService(k.of(supervisionFeature));
        const done: number[] = [];
        for (const [year, y] of Object.entries(data.years ?? {})) {
          if (only !== undefined && Number(year) !== only) continue;
          await cal.putYear(CONSOLE_ACTOR, Number(year), {
            daysOff: y.days_off ?? [],
            adjustedWorkdays: y.adjusted_workdays ?? [],
            source: y.source,
          });
          done.push(Number(year));
        }
        process.stdout.write(done.length ? `imported: ${done.join(', ')}\n` : 'no year imported\n');
      });
    });
  calendar
    .command('show <year>')
    .description("print a year's effective calendar")
    .action(async (year: string) => {
      await cli.withKernel(async (k) => printJson(calendarService(k.of(supervisionFeature)).year(Number(year))));
    });
}
