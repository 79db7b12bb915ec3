import type { ReactNode } from 'react';
import type { Problem } from '../api/problems.js';
import { Link } from '../router.js';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../lib/format.js';
import { Highlighted } from './Highlighted.js';
import { StatusBadge } from './StatusBadge.js';

/** One row of a problem list; `href` picks the public or the staff page. */
export function ProblemCard({ problem: p, href, children }: { problem: Problem; href: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className="card problem-card" data-testid="problem-item" data-code={p.code}>
      <div className="card-head">
        <Link to={href} className="card-title" data-testid="problem-link">
          <Highlighted segments={p.highlight?.title} fallback={p.title} />
        </Link>
        <StatusBadge status={p.status} overdue={p.overdue} />
      </div>
      <div className="card-meta muted">
        <span className="code">{p.code}</span>
        {p.category && <span>{p.category.name}</span>}
        {p.area && <span>{p.area.name}</span>}
        {p.leadDepartment && (
          <span>
            {t('problem.leadDepartment')}
            {t('common.colon')}
            {p.leadDepartment.name}
          </span>
        )}
        {p.deadline && (
          <span>
            {t('problem.deadline')}
            {t('common.colon')}
            {formatDate(p.deadline)}
          </span>
        )}
        <span>{formatDate(p.updatedAt)}</span>
      </div>
      {(p.highlight?.description || p.highlight?.address) && (
        <p className="card-snippet" data-testid="search-snippet">
          <Highlighted segments={p.highlight.description ?? p.highlight.address} fallback="" />
        </p>
      )}
      {children}
    </li>
  );
}
