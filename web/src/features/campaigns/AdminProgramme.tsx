import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { campaignsApi, type Programme } from './api.js';
import { useMoreT } from './more-messages.js';
import { ProgrammeSummary, ProgrammeTable } from './ProgrammeView.js';
import { Outcome } from './shared.js';
import { useSubmit } from './useSubmit.js';

/** A part's or sub-project's budget and planned years (a new one: the code of a child item). */
function PartForm({ p, onDone }: { p: Programme; onDone: () => void }) {
  const t = useMoreT();
  const year = new Date().getFullYear();
  const empty = { code: '', kind: 'subproject', budgetWan: '', spentWan: '0', yearFrom: `${year}`, yearTo: `${year}` };
  const [f, setF] = useState(empty);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setSaved(false);
    const part = k === 'code' ? p.parts.find((x) => x.code === e.target.value) : undefined;
    setF(
      part
        ? {
            code: part.code,
            kind: part.kind,
            budgetWan: `${part.budgetWan}`,
            spentWan: `${part.spentWan}`,
            yearFrom: `${part.yearFrom}`,
            yearTo: `${part.yearTo}`,
          }
        : { ...f, [k]: e.target.value },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await campaignsApi.setPart(f.code.trim(), {
        kind: f.kind as 'part',
        budgetWan: Number(f.budgetWan),
        spentWan: Number(f.spentWan || 0),
        yearFrom: Number(f.yearFrom),
        yearTo: Number(f.yearTo),
      });
      setSaved(true);
      onDone();
    });
  };
  const num = (k: keyof typeof f, label: string, step = '0.01') => (
    <Field id={`part-${k}`} label={label} required>
      <input id={`part-${k}`} type="number" min={0} step={step} value={f[k]} onChange={set(k)} required />
    </Field>
  );
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="part-form">
      <h2>{t('prog.edit')}</h2>
      <Field id="part-code" label={t('prog.code')} required>
        <input id="part-code" list="part-codes" value={f.code} onChange={set('code')} required />
        <datalist id="part-codes">
          {p.parts.map((x) => (
            <option key={x.code} value={x.code}>
              {x.title}
            </option>
          ))}
        </datalist>
      </Field>
      <Field id="part-kind" label={t('prog.kind')} required>
        <select id="part-kind" value={f.kind} onChange={set('kind')}>
          <option value="part">{t('prog.part')}</option>
          <option value="subproject">{t('prog.subproject')}</option>
        </select>
      </Field>
      {num('budgetWan', t('prog.budgetWan'))}
      {num('spentWan', t('prog.spentWan'))}
      {num('yearFrom', t('prog.yearFrom'), '1')}
      {num('yearTo', t('prog.yearTo'), '1')}
      <Outcome error={error} />
      {saved && (
        <p className="state" role="status" data-testid="part-saved">
          {t('prog.saved')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="part-save">
        {t('prog.save')}
      </button>
    </form>
  );
}

/** A programme in the back office: its roll-up, parts and sub-projects, and the budget form. */
export default function AdminProgramme({ params }: { params: Record<string, string> }) {
  const p = useAsync((s) => campaignsApi.programme(params.code, s), [params.code]);
  return (
    <Async state={p}>
      {(d) => (
        <div>
          <h1>
            <Link to={`/admin/problems/${d.code}`}>{d.code}</Link> {d.title}
          </h1>
          <ProgrammeSummary p={d} />
          <ProgrammeTable p={d} admin />
          <PartForm p={d} onDone={p.reload} />
        </div>
      )}
    </Async>
  );
}
