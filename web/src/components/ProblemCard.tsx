import type { ReactNode } from 'react';
import type { Problem } from '../api/problems.js';
import { attachmentSrc } from '../api/problems.js';
import { Link } from '../router.js';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../lib/format.js';
import { Highlighted } from './Highlighted.js';
import { StatusBadge } from './StatusBadge.js';

/** One row of a problem list; `href` picks the public or the staff page. */
export function ProblemCard({ problem: p, href, children }: { problem: Problem; href: string; children?: ReactNode }) {
  const { t, name } = useI18n();
  const photo = (p.attachments ?? []).find((a) => a.mime.startsWith('image/'));
  return (
    <li className={`card problem-card${photo ? ' has-thumb' : ''}`} data-testid="problem-item" data-code={p.code}>
      {photo && (
        // Decorative beside the linked title; the item page describes the photos.
        <img
          className="card-thumb"
          src={attachmentSrc(photo)}
          alt=""
          loading="lazy"
          width={72}
          height={72}
          data-testid="card-thumb"
        />
      )}
      <div className="card-head">
        <Link to={href} className="card-title" data-testid="problem-link">
          <Highlighted segments={p.highlight?.title} fallback={p.title} />
        </Link>
        <StatusBadge status={p.status} overdue={p.overdue} />
      </div>
      <div className="card-meta muted">
        <span className="code">{p.code}</span>
        {p.category && <span>{name(p.category)}</span>}
        {p.area && <span>{name(p.area)}</span>}
        {p.leadDepartment && (
          <span>
            {t('problem.leadDepartment')}
            {t('common.colon')}
            {name(p.leadDepartment)}
          </span>
        )}
        {p.deadline && (
          <span>
            {t('problem.deadline')}
            {t('common.colon')}
            {formatDate(p.deadline)}
          </span>
        )}
        <span>{t('card.updated', { date: formatDate(p.updatedAt) })}</span>
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
