import type { ImportReport } from '../../api/sheets.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';

/** The fields a column can map to, in the order of the classic sheet, then a history's own. */
export const MAPPABLE_FIELDS = [
  'seq',
  'code',
  'source',
  'title',
  'description',
  'area',
  'category',
  'measures',
  'leadDepartment',
  'coDepartments',
  'responsiblePerson',
  'ownerLeader',
  'deadline',
  'progress',
  'completion',
  'completedOn',
  'reportedAt',
  'supportCount',
  'opposeCount',
  'externalRef',
  'externalUserId',
] as const;

/**
 * What each header means now: the clerk's choice, else what the server recognised, else its guess
 * for a header it did not know (the "no header row found" case). '' leaves it to recognition.
 */
export function initialMapping(report: ImportReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of report.headersSeen) out[h] = report.suggestedMapping[h] ?? '';
  for (const c of report.header?.columns ?? []) out[c.header] = c.field;
  for (const u of report.header?.unknown ?? []) out[u] ??= 'ignore';
  return out;
}

/** The table of headers and fields shown under an import report; `onApply` re-checks with it. */
export function ColumnMapping({
  report,
  mapping,
  onChange,
  onApply,
  busy,
}: {
  report: ImportReport;
  mapping: Record<string, string>;
  onChange: (m: Record<string, string>) => void;
  onApply: () => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  if (!report.headersSeen.length) return null;
  return (
    <section className="panel" data-testid="column-mapping">
      <h2>{t('sheets.mapping')}</h2>
      <p className="muted small">{t('sheets.mappingLead')}</p>
      {report.mappingSource === 'saved' && <p data-testid="mapping-saved">{t('sheets.mappingSaved')}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>{t('sheets.mappingHeader')}</th>
            <th>{t('sheets.mappingField')}</th>
          </tr>
        </thead>
        <tbody>
          {report.headersSeen.map((h, i) => (
            <tr key={h}>
              <td>
                <label htmlFor={`map-${i}`}>{h}</label>
              </td>
              <td>
                <select
                  id={`map-${i}`}
                  value={mapping[h] ?? ''}
                  data-testid={`map-${h}`}
                  onChange={(e) => onChange({ ...mapping, [h]: e.target.value })}
                >
                  <option value="">{t('sheets.mappingAuto')}</option>
                  {[...MAPPABLE_FIELDS, 'ignore' as const].map((f) => (
                    <option key={f} value={f}>
                      {t(`sheets.field.${f}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn" disabled={busy} onClick={onApply} data-testid="mapping-apply">
        {t('sheets.mappingApply')}
      </button>
    </section>
  );
}

/** The mapping to send: only headers with a chosen field. */
export const chosen = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([, f]) => f));
