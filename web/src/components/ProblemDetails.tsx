import { lazy, Suspense, type ReactNode } from 'react';
import type { Problem } from '../api/problems.js';
import type { VerifyResult } from '../../../src/lifecycle/lifecycle.js';
import { VERIFY_RESULTS } from '../../../src/lifecycle/lifecycle.js';
import { type MessageKey, useI18n } from '../i18n/index.js';
import { formatDate, formatTime } from '../lib/format.js';
import { ProgressBar, StatusBadge } from './StatusBadge.js';
import { Photos } from './Photos.js';

// The residents feature's map, downloaded only for an item that has a position.
const ItemPin = lazy(() => import('../features/residents/ItemPin.js'));

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The facts of one item; staff-only fields (reporter) appear when the server sends them. */
export function ProblemDetails({
  problem: p,
  token,
  children,
  photos = true,
}: {
  problem: Problem;
  token?: string;
  children?: ReactNode;
  /** False when the children show the photos themselves (the verification form). */
  photos?: boolean;
}) {
  const { t, join, name } = useI18n();
  const depts = join(p.coDepartments?.map((d) => name(d)) ?? []);
  return (
    <article className="problem-details" data-testid="problem-details" data-code={p.code}>
      <header className="details-head">
        <h1 data-testid="problem-title">{p.title}</h1>
        <div className="details-sub">
          <span className="code" data-testid="problem-code">
            {p.code}
          </span>
          <StatusBadge status={p.status} overdue={p.overdue} testId="problem-status" />
          {p.urgency !== 'normal' && (
            <span className="badge badge-urgent">{t(`urgency.${p.urgency}` as MessageKey)}</span>
          )}
        </div>
      </header>
      <p className="description">{p.description}</p>
      <dl className="dl">
        <Row label={t('problem.category')}>{p.category ? name(p.category) : '—'}</Row>
        <Row label={t('problem.area')}>{p.area ? name(p.area) : '—'}</Row>
        {p.address && <Row label={t('problem.address')}>{p.address}</Row>}
        <Row label={t('problem.leadDepartment')} testId="problem-department">
          {p.leadDepartment ? name(p.leadDepartment) : t('problem.notAssigned')}
        </Row>
        {depts && <Row label={t('problem.coDepartments')}>{depts}</Row>}
        {p.ownerLeader && <Row label={t('problem.ownerLeader')}>{p.ownerLeader.displayName}</Row>}
        {p.responsiblePerson && <Row label={t('problem.responsiblePerson')}>{p.responsiblePerson}</Row>}
        <Row label={t('problem.deadline')} testId="problem-deadline">
          {formatDate(p.deadline)}
        </Row>
        {p.checkpointDate && <Row label={t('problem.checkpointDate')}>{formatDate(p.checkpointDate)}</Row>}
        <Row label={t('problem.progress')}>
          <ProgressBar value={p.progressPercent} />
        </Row>
        {p.measures && <Row label={t('problem.measures')}>{p.measures}</Row>}
        {p.mergedInto && <Row label={t('problem.mergedInto')}>{p.mergedInto}</Row>}
        {p.satisfaction != null && (
          <Row label={t('problem.satisfaction')} testId="problem-satisfaction">
            {(VERIFY_RESULTS as readonly string[]).includes(String(p.satisfaction))
              ? t(`verify.${p.satisfaction as VerifyResult}`)
              : String(p.satisfaction)}
          </Row>
        )}
        <Row label={t('problem.createdAt')}>{formatTime(p.createdAt)}</Row>
        {p.closedAt && <Row label={t('problem.closedAt')}>{formatTime(p.closedAt)}</Row>}
        {p.source && <Row label={t('problem.source')}>{p.source.name}</Row>}
        {p.tags?.length > 0 && <Row label={t('problem.tags')}>{join(p.tags.map((x) => name(x)))}</Row>}
        {p.answers?.map((a) => (
          <Row key={a.code} label={a.label} testId={`answer-${a.code}`}>
            {a.display}
          </Row>
        ))}
      </dl>
      {p.reporter && (
        <section className="reporter" data-testid="reporter-contact" aria-label={t('problem.reporter')}>
          <h2>{t('problem.reporter')}</h2>
          <dl className="dl">
            <Row label={t('report.contactName')}>{p.reporter.name || '—'}</Row>
            <Row label={t('report.contactPhone')}>
              {p.reporter.phone ? <a href={`tel:${p.reporter.phone}`}>{p.reporter.phone}</a> : '—'}
            </Row>
            <Row label={t('report.contactEmail')}>
              {p.reporter.email ? <a href={`mailto:${p.reporter.email}`}>{p.reporter.email}</a> : '—'}
            </Row>
          </dl>
        </section>
      )}
      {p.anonymous && <p className="muted">{t('problem.anonymous')}</p>}
      {p.lat != null && p.lng != null && (
        <Suspense fallback={null}>
          <ItemPin lat={p.lat} lng={p.lng} />
        </Suspense>
      )}
      {photos && <Photos attachments={p.attachments ?? []} token={token} assignedAt={p.assignedAt} />}
      {children}
    </article>
  );
}
