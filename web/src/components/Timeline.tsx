import type { TimelineEvent } from '../api/types.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { formatTime } from '../lib/format.js';
import { ACTIONS, VERIFY_RESULTS } from '../../../src/lifecycle/lifecycle.js';

const KNOWN_ACTIONS = new Set<string>([...ACTIONS, 'create']);

/** Payload fields worth showing next to an event, in display order. */
const PAYLOAD_FIELDS = ['text', 'evidence', 'note', 'comment', 'targetCode', 'deadline', 'checkpointDate', 'percent', 'result'] as const;

function PayloadLine({ payload }: { payload: Record<string, unknown> | null }) {
  const { t } = useI18n();
  if (!payload) return null;
  const parts = PAYLOAD_FIELDS.filter((k) => payload[k] !== undefined && payload[k] !== null && payload[k] !== '');
  if (!parts.length) return null;
  return (
    <ul className="timeline-payload">
      {parts.map((k) => {
        let v = String(payload[k]);
        if (k === 'percent') v = `${v}%`;
        if (k === 'result' && (VERIFY_RESULTS as readonly string[]).includes(v)) v = t(`verify.${v}` as MessageKey);
        return <li key={k}><span className="muted">{t(`field.${k}` as MessageKey)}：</span>{v}</li>;
      })}
    </ul>
  );
}

export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useI18n();
  if (!events.length) return <p className="muted" data-testid="timeline-empty">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id} className="timeline-item" data-testid="timeline-item" data-action={e.action}>
          <div className="timeline-head">
            <strong>{KNOWN_ACTIONS.has(e.action) ? t(`action.${e.action}` as MessageKey) : e.action}</strong>
            {e.toState && e.fromState !== e.toState && (
              <span className="muted"> → {t(`status.${e.toState}`)}</span>
            )}
            {!e.isPublic && <span className="badge badge-internal">{t('timeline.internal')}</span>}
          </div>
          <div className="timeline-meta muted">
            <time dateTime={e.createdAt}>{formatTime(e.createdAt)}</time>
            {(e.actorName || e.role) && <span> · {e.actorName ?? e.role}</span>}
          </div>
          {e.reason && <p className="timeline-reason">{e.reason}</p>}
          <PayloadLine payload={e.payload} />
        </li>
      ))}
    </ol>
  );
}
