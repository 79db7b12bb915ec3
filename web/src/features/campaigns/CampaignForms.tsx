import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { campaignsApi, type Campaign } from './api.js';
import { useCmpT } from './messages.js';
import { lines, Outcome, useWords } from './shared.js';
import { SheetUpload } from './SheetUpload.js';
import { useSubmit } from './useSubmit.js';

const today = () => new Date().toISOString().slice(0, 10);
type Props = { c: Campaign; onDone: () => void };

/** A subject's plan: its measures (name, weight), back-scheduled by the server. */
export function PlanForm({ c, onDone }: Props) {
  const t = useCmpT();
  const subjects = useAsync((s) => campaignsApi.subjects({ limit: 100 }, s), []);
  const [subjectId, setSubjectId] = useState('');
  const [measures, setMeasures] = useState('废气收集设施改造,40\n在线监测联网,30\n第三方检测达标,30');
  const { busy, error, run } = useSubmit();
  const planned = new Set(c.planList.map((p) => p.subjectId));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await campaignsApi.addPlan(c.id, {
        subjectId: Number(subjectId),
        measures: lines(measures).map(([name, w]) => ({ name, weight: Number(w ?? 0) })),
      });
      setSubjectId('');
      onDone();
    });
  };
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="plan-form">
      <h3>{t('plan.new')}</h3>
      <Field id="plan-subject" label={t('plan.subject')} required>
        <select id="plan-subject" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} required>
          <option value="" />
          {(subjects.data?.items ?? [])
            .filter((s) => !planned.has(s.id))
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </Field>
      <Field id="plan-measures" label={t('plan.measures')} hint={t('plan.measuresHint')} required>
        <textarea id="plan-measures" value={measures} onChange={(e) => setMeasures(e.target.value)} required />
      </Field>
      <Outcome error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="plan-save">
        {t('cmp.create')}
      </button>
      <SheetUpload
        url={`/api/v1/campaigns/${c.id}/plans/sheet`}
        kind="plan"
        fields={{ subjectId }}
        disabled={!subjectId}
        onDone={() => {
          setSubjectId('');
          onDone();
        }}
      />
    </form>
  );
}

/** An enforcement measure on a subject of the campaign, optionally tied to the missed milestone. */
export function EnforcementForm({ c, onDone }: Props) {
  const t = useCmpT();
  const { options } = useWords();
  const [f, setF] = useState({
    subjectId: '',
    kind: 'sealed',
    decidedOn: today(),
    legalBasis: '',
    docNumber: '',
    milestoneId: '',
  });
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const plan = c.planList.find((p) => String(p.subjectId) === f.subjectId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await campaignsApi.enforce(c.id, {
        subjectId: Number(f.subjectId),
        kind: f.kind as 'sealed',
        decidedOn: f.decidedOn,
        legalBasis: f.legalBasis,
        docNumber: f.docNumber,
        departmentId: c.departmentId,
        milestoneId: f.milestoneId ? Number(f.milestoneId) : null,
      });
      onDone();
    });
  };
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="enforcement-form">
      <h3>{t('enf.new')}</h3>
      <Field id="enf-subject" label={t('plan.subject')} required>
        <select id="enf-subject" value={f.subjectId} onChange={set('subjectId')} required>
          <option value="" />
          {c.planList.map((p) => (
            <option key={p.subjectId} value={p.subjectId}>
              {p.subjectName}
            </option>
          ))}
        </select>
      </Field>
      <Field id="enf-kind" label={t('enf.kind')} required>
        <select id="enf-kind" value={f.kind} onChange={set('kind')}>
          {options('enforcement')}
        </select>
      </Field>
      <Field id="enf-milestone" label={t('enf.milestone')}>
        <select id="enf-milestone" value={f.milestoneId} onChange={set('milestoneId')}>
          <option value="">{t('enf.none')}</option>
          {(plan?.milestones ?? [])
            .filter((m) => m.missed)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}（{m.dueDate}）
              </option>
            ))}
        </select>
      </Field>
      <Field id="enf-date" label={t('enf.date')} required>
        <input id="enf-date" type="date" value={f.decidedOn} onChange={set('decidedOn')} required />
      </Field>
      <Field id="enf-basis" label={t('enf.basis')} required>
        <input id="enf-basis" value={f.legalBasis} onChange={set('legalBasis')} required />
      </Field>
      <Field id="enf-doc" label={t('enf.doc')} required>
        <input id="enf-doc" value={f.docNumber} onChange={set('docNumber')} required />
      </Field>
      <Outcome error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="enforcement-save">
        {t('cmp.create')}
      </button>
    </form>
  );
}

/** A residents' panel on the campaign's item: each member's rating, the result. */
export function PanelForm({ c, onDone }: Props) {
  const t = useCmpT();
  const [result, setResult] = useState<'accepted' | 'failed'>('accepted');
  const [members, setMembers] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await campaignsApi.panel(c.code, {
        result,
        decidedOn: today(),
        members: lines(members).map(([name, role, rating, comment]) => ({
          name,
          role: (role || 'resident') as 'resident',
          rating: Number(rating),
          ...(comment && { comment }),
        })),
      });
      onDone();
    });
  };
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="panel-form">
      <h3>{t('panel.new')}</h3>
      <Field id="panel-result" label={t('panel.result')}>
        <select id="panel-result" value={result} onChange={(e) => setResult(e.target.value as 'accepted')}>
          <option value="accepted">{t('panel.accepted')}</option>
          <option value="failed">{t('panel.failed')}</option>
        </select>
      </Field>
      <Field id="panel-members" label={t('panel.members')} hint="resident, enterprise, deputy, official" required>
        <textarea id="panel-members" value={members} onChange={(e) => setMembers(e.target.value)} required />
      </Field>
      <Outcome error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="panel-save">
        {t('cmp.create')}
      </button>
    </form>
  );
}
