import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { ENFORCEMENT_KINDS, PANEL_ROLES, SUBJECT_KINDS } from '../../../../src/campaigns/vocabulary.js';
import type { Brief } from './api.js';
import { useCmpT } from './messages.js';
import './campaigns.css';

type Vocab = Record<string, { zh: string; en: string }>;
const VOCABS: Record<'subject' | 'enforcement' | 'panel', Vocab> = {
  subject: SUBJECT_KINDS,
  enforcement: ENFORCEMENT_KINDS,
  panel: PANEL_ROLES,
};

/** A vocabulary word in the reader's language, and the words to offer in a select. */
export function useWords() {
  const { lang } = useI18n();
  const word = (v: keyof typeof VOCABS, key: string) => VOCABS[v][key]?.[lang] ?? key;
  const options = (v: keyof typeof VOCABS) =>
    Object.keys(VOCABS[v]).map((k) => (
      <option key={k} value={k}>
        {word(v, k)}
      </option>
    ));
  return { word, options };
}

/** Previous/next for a list paged by the server. */
export function Pager({
  total,
  limit,
  offset,
  onOffset,
}: {
  total: number;
  limit: number;
  offset: number;
  onOffset: (o: number) => void;
}) {
  const t = useCmpT();
  return (
    <div className="button-row cmp-pager">
      <span className="muted" data-testid="list-total">
        {t('list.total', { n: total })}
      </span>
      {offset > 0 && (
        <button type="button" className="btn" onClick={() => onOffset(Math.max(0, offset - limit))}>
          {t('list.prev')}
        </button>
      )}
      {offset + limit < total && (
        <button type="button" className="btn" onClick={() => onOffset(offset + limit)} data-testid="list-next">
          {t('list.next')}
        </button>
      )}
    </div>
  );
}

/** Items as a table: code (linked to the item's page), title, state, progress, department. */
export function ItemTable({ items, admin, testId }: { items: Brief[]; admin?: boolean; testId?: string }) {
  const t = useCmpT();
  const { t: core } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('item.code')}</th>
            <th>{t('item.title')}</th>
            <th>{t('cmp.status')}</th>
            <th>{t('cmp.progress')}</th>
            <th>{t('item.department')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.code} data-testid="item-row">
              <td>
                <Link to={admin ? `/admin/problems/${i.code}` : `/problems/${i.code}`}>{i.code}</Link>
              </td>
              <td>
                {i.livelihood && <span className="badge">民生</span>} {i.title}
                {i.subjectName && <span className="muted"> · {i.subjectName}</span>}
              </td>
              <td data-testid="item-status">{core(`status.${i.status}` as 'status.closed')}</td>
              <td>{i.progressPercent}%</td>
              <td>{i.departmentName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Bar({ percent, label }: { percent: number; label?: ReactNode }) {
  const t = useCmpT();
  return (
    <div
      className="cmp-bar"
      role="progressbar"
      aria-label={t('cmp.progress')}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div className="cmp-bar-fill" style={{ width: `${percent}%` }} />
      <span className="cmp-bar-label">{label ?? `${percent}%`}</span>
    </div>
  );
}

/** "a,b,c" lines into rows of trimmed cells (the forms' multi-line inputs). */
export const lines = (text: string, sep: RegExp = /[,，|｜]/) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(sep).map((c) => c.trim()));

/** A form's error in the project's words, or nothing. */
export function Outcome({ error }: { error: string | null }) {
  return error ? (
    <div className="state state-error" role="alert">
      {error}
    </div>
  ) : null;
}
