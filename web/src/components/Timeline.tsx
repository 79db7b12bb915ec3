import type { TimelineEvent } from '../api/problems.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { formatTime } from '../lib/format.js';
import { VERIFY_RESULTS } from '../../../src/lifecycle/lifecycle.js';
import { Photos } from './Photos.js';

/** Event names with a label; others (future supervision events) show as sent. */
const LABELLED = new Set<string>([
  'submit',
  'accept',
  'reject',
  'merge',
  'assign',
  'sign',
  'return',
  'progress',
  'rectify',
  'verify',
  'close',
  'reopen',
  'long_term',
  'note',
  'duplicate_merged',
  'dispatch_suggested',
  'reminder',
  'warning',
  'plan',
  'extension_requested',
  'weekly_report_missing',
  'milestones_closed',
  'letter_issued',
  'letter_acknowledged',
  'letter_replied',
  'letter_overdue',
]);

/** Payload fields worth showing next to an event, in display order. */
const PAYLOAD_FIELDS = [
  'docNumber',
  'signedBy',
  'previousCategoryName',
  'categoryName',
  'clientCategoryName',
  'suggestedCategories',
  'suggestedDepartments',
  'leadDepartmentName',
  'coDepartmentNames',
  'deadline',
  'oldDeadline',
  'newDeadline',
  'checkpointDate',
  'text',
  'evidence',
  'percent',
  'result',
  'rating',
  'comment',
  'note',
  'targetCode',
  'duplicateCode',
  'reportCount',
  'level',
  'milestones',
] as const;

function PayloadLine({ payload }: { payload: Record<string, unknown> | null }) {
  const { t, join } = useI18n();
  if (!payload) return null;
  const parts = PAYLOAD_FIELDS.filter((k) => {
    const v = payload[k];
    return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  });
  if (!parts.length) return null;
  return (
    <ul className="timeline-payload">
      {parts.map((k) => {
        const raw = payload[k];
        let v = Array.isArray(raw)
          ? join(raw.map((x) => (x && typeof x === 'object' && 'name' in x ? `${x.name} (${x.dueDate})` : String(x))))
          : String(raw);
        if (k === 'percent') v = `${v}%`;
        if (k === 'result' && (VERIFY_RESULTS as readonly string[]).includes(v)) v = t(`verify.${v}` as MessageKey);
        if (k === 'rating' && /^[1-5]$/.test(v)) v = t(`rating.${v}` as MessageKey);
        return (
          <li key={k}>
            <span className="muted">
              {t(`field.${k}`)}
              {t('common.colon')}
            </span>
            {v}
          </li>
        );
      })}
    </ul>
  );
}

export function Timeline({ events, token }: { events: TimelineEvent[]; token?: string }) {
  const { t } = useI18n();
  if (!events.length)
    return (
      <p className="muted" data-testid="timeline-empty">
        {t('timeline.empty')}
      </p>
    );
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id} className="timeline-item" data-testid="timeline-item" data-action={e.action}>
          <div className="timeline-head">
            <strong>{LABELLED.has(e.action) ? t(`action.${e.action}` as MessageKey) : e.action}</strong>
            {e.toState && e.fromState !== e.toState && (
              <span className="muted"> → {t(`status.${e.toState}` as MessageKey)}</span>
            )}
            {!e.isPublic && <span className="badge badge-internal">{t('timeline.internal')}</span>}
          </div>
          <div className="timeline-meta muted">
            <time dateTime={e.createdAt}>{formatTime(e.createdAt)}</time>
            {(e.actorName || e.role) && <span> · {e.actorName ?? e.role}</span>}
          </div>
          {e.reason && <p className="timeline-reason">{e.reason}</p>}
          <PayloadLine payload={e.payload} />
          {e.attachments && e.attachments.length > 0 && <Photos attachments={e.attachments} token={token} />}
        </li>
      ))}
    </ol>
  );
}
