import { useState } from 'react';
import { campaignsApi, type SheetReport } from './api.js';
import { useMoreT } from './more-messages.js';
import { Outcome } from './shared.js';
import { useSubmit } from './useSubmit.js';

function Report({ r }: { r: SheetReport }) {
  const t = useMoreT();
  if (r.stored)
    return (
      <p className="state" role="status" data-testid="sheet-stored">
        {t('sheet.stored', { rows: r.rows, n: r.items.length })}
      </p>
    );
  return (
    <div className="state state-error" role="alert" data-testid="sheet-refused">
      <p>{t('sheet.refused', { rows: r.rows, bad: r.rejected.length, ok: r.accepted })}</p>
      <table className="table" data-testid="sheet-rejected">
        <thead>
          <tr>
            <th>{t('sheet.row')}</th>
            <th>{t('sheet.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {r.rejected.map((x) => (
            <tr key={x.row}>
              <td>{x.row}</td>
              <td>{x.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Upload of a findings or plan sheet with the template to fill in and the report of accepted and
 * rejected rows. Not a form of its own, so it can sit inside one (the plan form gives the subject).
 */
export function SheetUpload({
  url,
  kind,
  fields,
  disabled,
  onDone,
}: {
  url: string;
  kind: 'findings' | 'plan';
  fields?: Record<string, string>;
  disabled?: boolean;
  onDone: () => void;
}) {
  const t = useMoreT();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<SheetReport | null>(null);
  const { busy, error, run } = useSubmit();
  const upload = () =>
    run(async () => {
      if (!file) return;
      setReport(null);
      const r = await campaignsApi.importSheet(url, file, fields);
      setReport(r);
      if (r.stored) onDone();
    });
  const id = `sheet-${kind}`;
  return (
    <div className="panel cmp-form" data-testid={`sheet-${kind}`}>
      <h3>{t('sheet.title')}</h3>
      <p className="muted">
        {t(kind === 'plan' ? 'sheet.hintPlan' : 'sheet.hintFindings')} ·{' '}
        <a href={campaignsApi.templateUrl(kind)} download data-testid="sheet-template">
          {t('sheet.template')}
        </a>
      </p>
      <label htmlFor={id}>{t('sheet.file')}</label>{' '}
      <input
        id={id}
        type="file"
        accept=".xlsx,.csv"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        data-testid="sheet-file"
      />{' '}
      <button
        type="button"
        className="btn"
        disabled={busy || disabled || !file}
        onClick={() => void upload()}
        data-testid="sheet-upload"
      >
        {t('sheet.upload')}
      </button>
      <Outcome error={error} />
      {report && <Report r={report} />}
    </div>
  );
}
