import { useEffect, useState } from 'react';
import { getCalendarYear, putCalendarYear } from '../../api/supervision.js';
import type { CalendarDay } from '../../api/supervision.js';
import { Async, useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { formatTime } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';

/** Days as text, one "YYYY-MM-DD 名称" per line: a year's calendar is easiest to check as a list. */
const toText = (days: CalendarDay[]) => days.map((d) => `${d.date} ${d.name}`).join('\n');
function parse(text: string): { days: CalendarDay[]; bad: string[] } {
  const days: CalendarDay[] = [];
  const bad: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
    if (m) days.push({ date: m[1], name: m[2].trim() });
    else bad.push(line);
  }
  return { days, bad };
}

/** The holiday calendar (节假日与调休) by year: deadlines count working days against it. */
export function CalendarEditor() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const state = useAsync((s) => getCalendarYear(year, s), [year]);
  const [off, setOff] = useState('');
  const [work, setWork] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!state.data) return;
    setOff(toText(state.data.daysOff));
    setWork(toText(state.data.adjustedWorkdays));
  }, [state.data]);

  const save = async () => {
    const a = parse(off);
    const b = parse(work);
    if (a.bad.length || b.bad.length)
      return setMsg({ ok: false, text: t('calendar.badLines', { lines: [...a.bad, ...b.bad].join(' / ') }) });
    try {
      state.setData(await putCalendarYear(year, { daysOff: a.days, adjustedWorkdays: b.days }));
      setMsg({ ok: true, text: t('settings.saved') });
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };

  return (
    <section className="panel" data-testid="calendar-editor">
      <h2>{t('settings.calendar')}</h2>
      <Field id="cal-year" label={t('calendar.year')}>
        <select
          id="cal-year"
          value={year}
          onChange={(e) => {
            setYear(Number(e.target.value));
            setMsg(null);
          }}
          data-testid="cal-year"
        >
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </Field>
      <Async state={state}>
        {(y) => (
          <>
            <p className="muted" data-testid="cal-source">
              {t(`calendar.source.${y.source}`)}
              {y.updatedAt ? ` · ${formatTime(y.updatedAt)}` : ''}
            </p>
            <div className="grid-2">
              <Field id="cal-off" label={t('calendar.daysOff', { n: y.daysOff.length })} hint={t('calendar.hint')}>
                <textarea
                  id="cal-off"
                  rows={10}
                  value={off}
                  onChange={(e) => setOff(e.target.value)}
                  data-testid="cal-off"
                />
              </Field>
              <Field
                id="cal-work"
                label={t('calendar.workdays', { n: y.adjustedWorkdays.length })}
                hint={t('calendar.hint')}
              >
                <textarea id="cal-work" rows={10} value={work} onChange={(e) => setWork(e.target.value)} />
              </Field>
            </div>
            <button type="button" className="btn btn-primary" onClick={() => void save()} data-testid="cal-save">
              {t('common.save')}
            </button>
          </>
        )}
      </Async>
      {msg && (
        <p className={msg.ok ? 'state state-ok' : 'state state-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </section>
  );
}
