import { useCallback, useRef, useState, type FormEvent } from 'react';
import { uuid } from '../api/client.js';
import { createProblem, uploadAttachment, type NewProblem } from '../api/problems.js';
import type { Question } from '../api/supervision.js';
import type { Problem, Urgency } from '../api/problems.js';
import { useErrorText } from '../components/Async.js';
import { Field } from '../components/Field.js';
import { PhotoPicker } from '../components/PhotoPicker.js';
import { RefSelect } from '../components/RefSelect.js';
import { useI18n } from '../i18n/index.js';
import { ContactFields, type Contact } from './ReportContact.js';
import { ReportDispatch } from './ReportDispatch.js';
import { ReportLocation, type Place } from './ReportLocation.js';
import { missingAnswers, ReportQuestions, toAnswers, type AnswerValues } from './ReportQuestions.js';
import { ReportSuccess, type UploadOutcome } from './ReportSuccess.js';
import { reportBody, reportErrors } from './report-form.js';

const EMPTY = { categoryId: '', areaId: '', title: '', description: '', urgency: 'normal' as Urgency, isPublic: true };
const NO_PLACE: Place = { address: '', lat: '', lng: '' };
const NO_CONTACT: Contact = { name: '', phone: '', email: '', anonymous: false };

export function Report() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form, setForm] = useState(EMPTY);
  const [place, setPlace] = useState(NO_PLACE);
  const [contact, setContact] = useState(NO_CONTACT);
  const [answers, setAnswers] = useState<AnswerValues>({});
  const [questions, setQuestions] = useState<Question[]>([]);
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState<'' | 'creating' | 'uploading'>('');
  const [error, setError] = useState<unknown>(null);
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState<{
    problem: Problem;
    token: string;
    shortCode: string;
    uploads: UploadOutcome[];
  } | null>(null);
  // One key per filled-in form: a double click or a retry after a timeout creates one item.
  const idemKey = useRef(uuid());
  const lastBody = useRef('');
  const inFlight = useRef(false);
  const onQuestions = useCallback((q: Question[]) => setQuestions(q), []);

  const set = <K extends keyof typeof EMPTY>(k: K, v: (typeof EMPTY)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const invalid = [...reportErrors(form, place, contact), ...missingAnswers(questions, answers)];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    setAttempted(true);
    if (invalid.length) {
      // After the re-render marks the fields, take the keyboard to the first one.
      window.setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const body: NewProblem = { ...reportBody(form, place, contact), answers: toAnswers(questions, answers) };
    // Same content → same key (a safe retry); edited content after a failure is a new request.
    const json = JSON.stringify(body);
    if (lastBody.current && lastBody.current !== json) idemKey.current = uuid();
    lastBody.current = json;
    inFlight.current = true;
    setBusy('creating');
    setError(null);
    try {
      const created = await createProblem(body, idemKey.current);
      setBusy('uploading');
      const uploads: UploadOutcome[] = [];
      for (const f of photos) {
        try {
          await uploadAttachment(created.problem.code, f, created.trackingToken);
          uploads.push({ name: f.name, ok: true });
        } catch (err) {
          uploads.push({ name: f.name, ok: false, message: errorText(err) });
        }
      }
      setDone({ problem: created.problem, token: created.trackingToken, shortCode: created.shortCode, uploads });
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy('');
    }
  };

  const another = () => {
    idemKey.current = uuid();
    lastBody.current = '';
    setForm(EMPTY);
    setPlace(NO_PLACE);
    setAnswers({});
    setPhotos([]);
    setDone(null);
    setAttempted(false);
  };

  if (done)
    return (
      <div className="page">
        <ReportSuccess {...done} onAnother={another} />
      </div>
    );

  // Errors show after the first submit attempt and clear as the user fixes them.
  const shown = attempted ? invalid : [];
  const err = (k: string, key: Parameters<typeof t>[0]) => (shown.includes(k) ? t(key) : undefined);

  return (
    <div className="page">
      <h1>{t('report.title')}</h1>
      <p className="lead">{t('report.lead')}</p>
      <form className="form panel" onSubmit={submit} noValidate data-testid="report-form" aria-busy={busy !== ''}>
        <div className="grid-2">
          <Field id="report-category" label={t('problem.category')}>
            <RefSelect
              kind="categories"
              id="report-category"
              value={form.categoryId}
              testId="report-category"
              onChange={(v) => {
                set('categoryId', v);
                setAnswers({});
              }}
              emptyLabel={t('common.choose')}
            />
          </Field>
          <Field id="report-area" label={t('problem.area')}>
            <RefSelect
              kind="areas"
              id="report-area"
              value={form.areaId}
              testId="report-area"
              onChange={(v) => set('areaId', v)}
              emptyLabel={t('common.choose')}
            />
          </Field>
        </div>
        <Field id="report-title" label={t('report.titleLabel')} required error={err('title', 'report.titleRequired')}>
          <input
            id="report-title"
            value={form.title}
            maxLength={200}
            required
            data-testid="report-title"
            aria-invalid={shown.includes('title') || undefined}
            onChange={(e) => set('title', e.target.value)}
          />
        </Field>
        <Field
          id="report-description"
          label={t('report.descriptionLabel')}
          required
          error={err('description', 'report.descriptionRequired')}
        >
          <textarea
            id="report-description"
            value={form.description}
            rows={5}
            maxLength={5000}
            required
            data-testid="report-description"
            aria-invalid={shown.includes('description') || undefined}
            onChange={(e) => set('description', e.target.value)}
          />
        </Field>
        <ReportDispatch
          title={form.title}
          description={form.description}
          categoryId={form.categoryId}
          onPick={(id) => {
            set('categoryId', id);
            setAnswers({});
          }}
        />
        <ReportQuestions
          categoryId={form.categoryId}
          values={answers}
          onChange={setAnswers}
          onLoaded={onQuestions}
          invalid={shown}
        />
        <ReportLocation
          value={place}
          onChange={setPlace}
          coordsError={err('coords', 'report.coordsInvalid')}
          categoryId={form.categoryId}
          onArea={(id) => set('areaId', String(id))}
        />
        <div className="grid-2">
          <Field id="report-urgency" label={t('problem.urgency')}>
            <select
              id="report-urgency"
              value={form.urgency}
              onChange={(e) => set('urgency', e.target.value as Urgency)}
            >
              {(['normal', 'urgent', 'emergency'] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`urgency.${u}`)}
                </option>
              ))}
            </select>
          </Field>
          <div className="field checkbox">
            <input
              id="report-public"
              type="checkbox"
              checked={form.isPublic}
              onChange={(e) => set('isPublic', e.target.checked)}
            />
            <label htmlFor="report-public">{t('report.isPublic')}</label>
          </div>
        </div>
        <Field id="report-photos" label={t('report.photos')}>
          <PhotoPicker id="report-photos" files={photos} onChange={setPhotos} />
        </Field>
        <ContactFields
          value={contact}
          onChange={setContact}
          phoneError={err('phone', 'report.phoneInvalid')}
          emailError={err('email', 'report.emailInvalid')}
        />
        {error != null && (
          <p className="state state-error" role="alert" data-testid="report-error">
            {errorText(error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy !== ''} data-testid="report-submit">
          {busy === 'creating'
            ? t('common.submitting')
            : busy === 'uploading'
              ? t('report.uploading')
              : t('report.submit')}
        </button>
      </form>
    </div>
  );
}
