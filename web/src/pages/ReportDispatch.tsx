import { useEffect, useState } from 'react';
import { suggestDispatch, type RankedSuggestion } from '../api/dispatch.js';
import { useI18n } from '../i18n/index.js';
import { useAuth } from '../lib/auth.js';

/** Who takes reports by phone (热线) and gets the learned suggestions while typing one in. */
const DESK_ROLES = ['admin', 'acceptance', 'supervisor'];
/** Ask again only after the clerk pauses typing. */
const PAUSE_MS = 500;

/**
 * The hotline entry form's dispatch hint: the top-3 categories learned from the city's triaged
 * history for what has been typed so far; one click picks one. Staff only (the model and its
 * routing are internal); nothing shows without a usable model.
 */
export function ReportDispatch({
  title,
  description,
  categoryId,
  onPick,
}: {
  title: string;
  description: string;
  categoryId: string;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const desk = Boolean(user && DESK_ROLES.includes(user.role));
  const [ranked, setRanked] = useState<RankedSuggestion[]>([]);
  useEffect(() => {
    if (!desk || title.trim().length < 2) {
      setRanked([]);
      return;
    }
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      suggestDispatch({ title: title.trim().slice(0, 200), description: description.slice(0, 10_000) }, ctl.signal)
        .then((s) => setRanked(s.categories))
        .catch(() => undefined);
    }, PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [desk, title, description]);
  if (!ranked.length) return null;
  return (
    <p className="hints muted" data-testid="report-dispatch">
      {t('inbox.suggestedCategory')}
      {t('common.colon')}
      {ranked.map((r, i) => (
        <button
          key={r.id}
          type="button"
          className={`btn btn-small${String(r.id) === categoryId ? ' btn-primary' : ' btn-ghost'}`}
          aria-pressed={String(r.id) === categoryId}
          data-testid={`report-dispatch-${i}`}
          onClick={() => onPick(String(r.id))}
        >
          {r.name}
        </button>
      ))}
    </p>
  );
}
