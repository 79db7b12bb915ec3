import { Link } from '../../router.js';
import type { CasePage } from './api.js';
import { useHallT } from './messages.js';
import { CaseState, WarningDot } from './shared.js';

/** Cases in a table; each number opens the case page. */
export function CaseTable({ items, testId }: { items: CasePage['items']; testId: string }) {
  const t = useHallT();
  if (!items.length) return <p className="muted">{t('cases.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('case.number')}</th>
            <th scope="col">{t('cases.matter')}</th>
            <th scope="col">{t('cases.applicant')}</th>
            <th scope="col">{t('case.status')}</th>
            <th scope="col">{t('case.due')}</th>
            <th scope="col">{t('cases.window')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.number}>
              <td>
                <Link to={`/admin/hall/cases/${encodeURIComponent(c.number)}`}>{c.number}</Link>
              </td>
              <td>
                {c.matter.name}
                <div className="muted small">{c.department.name}</div>
              </td>
              <td>
                {c.applicantName}
                <div className="muted small">{c.idMasked}</div>
              </td>
              <td>
                <CaseState status={c.status} /> <WarningDot level={c.warning.level} />
              </td>
              <td>{c.dueDate ?? '—'}</td>
              <td>
                {c.window} · {c.clerkName}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
