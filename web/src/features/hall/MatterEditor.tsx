import { useState, type FormEvent } from 'react';
import { useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { listRef } from '../../api/reference.js';
import { useAsync } from '../../lib/use-async.js';
import type { Matter, MatterInput } from './api.js';
import { useHallT } from './messages.js';
import { useVocab } from './shared.js';

type Draft = MatterInput & { code: string };
export const blankMatter = (): Draft => ({
  code: '',
  name: '',
  type: 'public_service',
  departmentId: 0,
  implementingBody: '',
  legalBasis: '',
  conditions: '',
  audience: 'person',
  statutoryDays: 20,
  promisedDays: 5,
  feeFen: 0,
  atMostOnce: true,
  serviceMode: 'both',
  freeServices: ['copy'],
  lifeEvents: [],
  materials: [{ name: '申请人身份证', form: 'original', copies: 1, required: true }],
});
export const draftOf = (m: Matter): Draft => ({
  code: m.code,
  name: m.name,
  type: m.type as Draft['type'],
  departmentId: m.department.id,
  implementingBody: m.implementingBody,
  legalBasis: m.legalBasis,
  conditions: m.conditions,
  audience: m.audience as Draft['audience'],
  statutoryDays: m.statutoryDays,
  promisedDays: m.promisedDays,
  feeFen: m.feeFen,
  ...(m.feeNote && { feeNote: m.feeNote }),
  atMostOnce: m.atMostOnce,
  serviceMode: m.serviceMode as Draft['serviceMode'],
  freeServices: m.freeServices as Draft['freeServices'],
  lifeEvents: m.lifeEvents as Draft['lifeEvents'],
  materials: m.materials.map((x) => ({
    name: x.name,
    form: x.form as 'original',
    copies: x.copies,
    required: x.required,
    ...(x.note && { note: x.note }),
  })),
});

/** Every field of a version and its materials checklist. */
export function MatterEditor({
  initial,
  isNew,
  onSave,
}: {
  initial: Draft;
  isNew: boolean;
  onSave: (d: Draft) => Promise<void>;
}) {
  const t = useHallT();
  const errorText = useErrorText();
  const { vocab } = useVocab();
  const depts = useAsync(() => listRef('departments'), []);
  const [d, setD] = useState(initial);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const up = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const toggle = <K extends 'freeServices' | 'lifeEvents'>(k: K, code: string, on: boolean) =>
    up({ [k]: on ? [...(d[k] as string[]), code] : (d[k] as string[]).filter((x) => x !== code) } as Partial<Draft>);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMsg(null);
    try {
      await onSave(d);
      setMsg({ ok: true, text: t('cat.saved') });
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    }
  };
  const sel = (
    id: string,
    value: string,
    list: { code: string; zh: string }[] | undefined,
    on: (v: string) => void,
  ) => (
    <select id={id} value={value} onChange={(e) => on(e.target.value)}>
      {(list ?? []).map((x) => (
        <option key={x.code} value={x.code}>
          {x.zh}
        </option>
      ))}
    </select>
  );
  return (
    <form className="form panel" onSubmit={submit} data-testid="matter-editor">
      <div className="grid-3">
        <Field id="m-code" label={t('cat.code')} required>
          <input
            id="m-code"
            required
            disabled={!isNew}
            value={d.code}
            onChange={(e) => up({ code: e.target.value })}
            data-testid="m-code"
          />
        </Field>
        <Field id="m-name" label={t('cat.name')} required>
          <input
            id="m-name"
            required
            value={d.name}
            onChange={(e) => up({ name: e.target.value })}
            data-testid="m-name"
          />
        </Field>
        <Field id="m-dept" label={t('cases.department')} required>
          <select
            id="m-dept"
            required
            value={d.departmentId || ''}
            onChange={(e) => up({ departmentId: Number(e.target.value) })}
            data-testid="m-dept"
          >
            <option value="" />
            {(depts.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="m-type" label={t('guide.type')}>
          {sel('m-type', d.type, vocab?.matterTypes, (v) => up({ type: v as Draft['type'] }))}
        </Field>
        <Field id="m-audience" label={t('guide.audience')}>
          {sel('m-audience', d.audience, vocab?.audiences, (v) => up({ audience: v as Draft['audience'] }))}
        </Field>
        <Field id="m-mode" label={t('guide.mode')}>
          {sel('m-mode', d.serviceMode, vocab?.serviceModes, (v) => up({ serviceMode: v as Draft['serviceMode'] }))}
        </Field>
        <Field id="m-statutory" label={t('guide.statutory')}>
          <input
            id="m-statutory"
            type="number"
            min={0}
            max={365}
            value={d.statutoryDays}
            onChange={(e) => up({ statutoryDays: Number(e.target.value) })}
          />
        </Field>
        <Field id="m-promised" label={t('guide.promised')}>
          <input
            id="m-promised"
            type="number"
            min={0}
            max={365}
            value={d.promisedDays}
            onChange={(e) => up({ promisedDays: Number(e.target.value) })}
            data-testid="m-promised"
          />
        </Field>
        <Field id="m-fee" label={`${t('guide.fee')}（元）`}>
          <input
            id="m-fee"
            type="number"
            min={0}
            step="0.01"
            value={d.feeFen / 100}
            onChange={(e) => up({ feeFen: Math.round(Number(e.target.value) * 100) })}
          />
        </Field>
      </div>
      <Field id="m-body" label={t('guide.body')} required>
        <input
          id="m-body"
          required
          value={d.implementingBody}
          onChange={(e) => up({ implementingBody: e.target.value })}
          data-testid="m-body"
        />
      </Field>
      <Field id="m-basis" label={t('guide.basis')} required>
        <input
          id="m-basis"
          required
          value={d.legalBasis}
          onChange={(e) => up({ legalBasis: e.target.value })}
          data-testid="m-basis"
        />
      </Field>
      <Field id="m-conditions" label={t('guide.conditions')}>
        <textarea id="m-conditions" value={d.conditions} onChange={(e) => up({ conditions: e.target.value })} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={d.atMostOnce} onChange={(e) => up({ atMostOnce: e.target.checked })} />{' '}
        {t('guide.atMostOnce')}
      </label>
      <fieldset className="fieldset">
        <legend>{t('guide.freeServices')}</legend>
        {(vocab?.freeServices ?? []).map((f) => (
          <label key={f.code} className="checkbox">
            <input
              type="checkbox"
              checked={d.freeServices.includes(f.code as 'copy')}
              onChange={(e) => toggle('freeServices', f.code, e.target.checked)}
            />{' '}
            {f.zh}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('hall.byEvent')}</legend>
        <div className="check-list">
          {(vocab?.lifeEvents ?? []).map((f) => (
            <label key={f.code} className="checkbox">
              <input
                type="checkbox"
                checked={d.lifeEvents.includes(f.code as 'birth')}
                onChange={(e) => toggle('lifeEvents', f.code, e.target.checked)}
              />{' '}
              {f.zh}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" data-testid="m-materials">
        <legend>{t('guide.materials')}</legend>
        {d.materials.map((m, i) => {
          const set = (patch: Partial<typeof m>) =>
            up({ materials: d.materials.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <div className="hall-material-edit" key={i}>
              <input
                aria-label={t('guide.material')}
                required
                value={m.name}
                onChange={(e) => set({ name: e.target.value })}
                data-testid={`m-material-${i}`}
              />
              <select
                aria-label={t('guide.form')}
                value={m.form}
                onChange={(e) => set({ form: e.target.value as 'copy' })}
              >
                {(vocab?.materialForms ?? []).map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.zh}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('guide.copies')}
                type="number"
                min={1}
                max={99}
                value={m.copies}
                onChange={(e) => set({ copies: Number(e.target.value) })}
              />
              <label className="checkbox">
                <input type="checkbox" checked={!m.required} onChange={(e) => set({ required: !e.target.checked })} />
                {t('guide.deferrable')}
              </label>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => up({ materials: d.materials.filter((_, j) => j !== i) })}
              >
                {t('cat.remove')}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => up({ materials: [...d.materials, { name: '', form: 'copy', copies: 1, required: true }] })}
          data-testid="m-add-material"
        >
          {t('cat.addMaterial')}
        </button>
      </fieldset>
      {msg && (
        <div
          className={`state ${msg.ok ? 'state-ok' : 'state-error'}`}
          role={msg.ok ? 'status' : 'alert'}
          data-testid="m-msg"
        >
          {msg.text}
        </div>
      )}
      <button type="submit" className="btn btn-primary" data-testid="m-save">
        {t('cat.save')}
      </button>
    </form>
  );
}
