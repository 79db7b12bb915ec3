import { useState, type FormEvent } from 'react';
import { importSheet, exportUrl, settlementUrl, type ImportMode, type ImportReport } from '../../api/sheets.js';
import { ApiError } from '../../api/client.js';
import { Field, FormError } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { chosen, ColumnMapping, initialMapping } from './ColumnMapping.js';

const STATUSES = ['', 'submitted,accepted', 'assigned,in_progress,long_term', 'rectified,verified', 'closed'];

/** 导入导出: upload a classic 整改清单 (dry run first), download the list or a month's settlement. */
export function Sheets() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('dry_run');
  const [suggest, setSuggest] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  // Sent only once the clerk has changed it: the server then remembers it for these headers.
  const [mappingTouched, setMappingTouched] = useState(false);

  async function run(runMode: ImportMode) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const r = await importSheet(file, runMode, {
        visibility,
        suggestCategories: suggest,
        mapping: mappingTouched ? chosen(mapping) : undefined,
      });
      setReport(r);
      setMapping(initialMapping(r));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(mode);
  }

  return (
    <div>
      <h1>{t('nav.sheets')}</h1>
      <form className="panel" onSubmit={submit} data-testid="import-form">
        <h2>{t('sheets.import')}</h2>
        <p className="muted small">{t('sheets.importLead')}</p>
        <Field id="import-file" label={t('sheets.file')}>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMappingTouched(false);
            }}
            data-testid="import-file"
          />
        </Field>
        <Field id="import-mode" label={t('sheets.mode')}>
          <select
            id="import-mode"
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            data-testid="import-mode"
          >
            <option value="dry_run">{t('sheets.dryRun')}</option>
            <option value="strict">{t('sheets.strict')}</option>
            <option value="valid_only">{t('sheets.validOnly')}</option>
          </select>
        </Field>
        <Field id="import-visibility" label={t('sheets.visibility')}>
          <select
            id="import-visibility"
            value={visibility}
            onChange={(e) => setVisibility(e.target.value as 'public' | 'private')}
            data-testid="import-visibility"
          >
            <option value="public">{t('sheets.public')}</option>
            <option value="private">{t('sheets.private')}</option>
          </select>
        </Field>
        <div className="field checkbox">
          <input
            id="import-suggest"
            type="checkbox"
            checked={suggest}
            onChange={(e) => setSuggest(e.target.checked)}
            data-testid="import-suggest"
          />
          <label htmlFor="import-suggest">{t('sheets.suggestCategories')}</label>
        </div>
        <button type="submit" className="btn btn-primary" disabled={!file || busy} data-testid="import-submit">
          {busy ? t('state.loading') : t('sheets.run')}
        </button>
      </form>
      <FormError message={error} testId="import-error" />
      {report && (
        <section className="panel" data-testid="import-report" aria-live="polite">
          <h2>
            {report.committed ? t('sheets.committed') : report.ok ? t('sheets.checkedOk') : t('sheets.notImported')}
          </h2>
          <p>
            {t('sheets.totals', {
              rows: report.totals.rows,
              valid: report.totals.valid,
              invalid: report.totals.invalid,
              created: report.totals.created,
              updated: report.totals.updated,
            })}
            {t('sheets.totalsUnchanged', { unchanged: report.totals.unchanged })}
          </p>
          {report.rejectedFile && (
            <p>
              <a href={report.rejectedFile}>{t('sheets.rejected')}</a>
            </p>
          )}
          {report.issues.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('sheets.row')}</th>
                  <th>{t('sheets.column')}</th>
                  <th>{t('sheets.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i, n) => (
                  <tr key={n} className={i.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                    <td>{i.row ?? '—'}</td>
                    <td>{i.column ?? '—'}</td>
                    <td>
                      {i.message}
                      {i.suggestions?.length ? ` (${i.suggestions.join(' / ')})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {report && (
        <ColumnMapping
          report={report}
          mapping={mapping}
          busy={busy}
          onChange={(m) => {
            setMapping(m);
            setMappingTouched(true);
          }}
          onApply={() => void run('dry_run')}
        />
      )}
      <section className="panel" data-testid="export-panel">
        <h2>{t('sheets.export')}</h2>
        <div className="form-inline">
          <Field id="export-status" label={t('problem.status')}>
            <select id="export-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s
                    ? s
                        .split(',')
                        .map((x) => t(`status.${x}` as never))
                        .join(' / ')
                    : t('common.all')}
                </option>
              ))}
            </select>
          </Field>
          <Field id="export-q" label={t('sheets.search')}>
            <input id="export-q" value={q} onChange={(e) => setQ(e.target.value)} />
          </Field>
        </div>
        <p className="button-row">
          <a className="btn" href={exportUrl('xlsx', { status, q })} data-testid="export-xlsx">
            {t('sheets.xlsx')}
          </a>
          <a className="btn" href={exportUrl('csv', { status, q })} data-testid="export-csv">
            {t('sheets.csv')}
          </a>
        </p>
        <div className="form-inline">
          <Field id="export-month" label={t('sheets.month')}>
            <input id="export-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          </Field>
        </div>
        <p>
          <a className="btn" href={settlementUrl(month)} data-testid="export-settlement">
            {t('sheets.settlement')}
          </a>
        </p>
      </section>
    </div>
  );
}
