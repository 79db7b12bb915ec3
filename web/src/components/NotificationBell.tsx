import { useEffect, useRef, useState } from 'react';
import { listNotifications, markAllRead, unreadCount, type Notification } from '../api/notifications.js';
import { useI18n } from '../i18n/index.js';
import { formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { Link } from '../router.js';

/** A bell with the unread count; opening it lists the latest notifications and marks them read. */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const count = useAsync((s) => unreadCount(s), []);
  const box = useRef<HTMLDivElement>(null);
  const unread = count.data ?? 0;

  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    listNotifications(ctl.signal).then(
      (r) => {
        setItems(r.items);
        if (r.unread > 0) void markAllRead().then(() => count.setData(0));
      },
      () => setItems([]),
    );
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      ctl.abort();
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open, count.setData]);

  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="btn btn-small bell-button"
        aria-expanded={open}
        aria-controls="bell-panel"
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor">
          <path strokeWidth="2" d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2Zm4 4a2 2 0 0 0 4 0" />
        </svg>
        <span>{t('bell.label')}</span>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div id="bell-panel" className="bell-panel" role="region" aria-label={t('bell.label')} data-testid="bell-panel">
          {items === null ? (
            <p className="muted">{t('state.loading')}</p>
          ) : items.length === 0 ? (
            <p className="muted">{t('bell.empty')}</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? '' : 'unread'} data-testid="bell-item">
                  {n.problemCode ? (
                    <Link to={`/admin/problems/${encodeURIComponent(n.problemCode)}`}>{n.title}</Link>
                  ) : (
                    <strong>{n.title}</strong>
                  )}
                  <span className="muted small">{formatTime(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
