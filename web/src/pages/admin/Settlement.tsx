import { lazy, Suspense, useState } from 'react';
import { getRankings, getScorecard, settleMonth } from '../../api/supervision.js';
import { Async, Loading, useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { RankTable, RedBlackLists } from '../../components/RankTable.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';
import { currentMonth, formatTime } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';

const ScoreChart = lazy(() => import('../../charts/ScoreChart.js'));

/** Monthly settlement (月结): the month's scorecard, red and black lists, and freezing a finished month. */
export function Settlement() {
  const { t } = useI18n();
  const { user } = useAuth();
  const errorText = useErrorText();
  const [month, setMonth] = useState(currentMonth(-1));
  const card = useAsync((s) => getScorecard(month, s), [month]);
  const ranks = useAsync((s) => getRankings(month, s), [month, card.data?.settled]);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const canSettle = user && ['admin', 'supervisor'].includes(user.role) && month < currentMonth();

  const settle = async () => {
    if (!window.confirm(t('settle.confirm', { month }))) return;
    setBusy(true);
    setMsg(null);
    try {
      card.setData(await settleMonth(month));
      setMsg({ ok: true, text: t('settle.done', { month }) });
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h1>{t('nav.settlement')}</h1>
      <div className="panel form-inline">
        <Field id="settle-month" label={t('score.month')}>
          <input
            id="settle-month"
            type="month"
            value={month}
            max={currentMonth()}
            data-testid="settle-month"
            onChange={(e) => {
              if (e.target.value) {
                setMonth(e.target.value);
                setMsg(null);
              }
            }}
          />
        </Field>
        {card.data && (
          <span className="badge" data-testid="settle-state">
            {card.data.settled
              ? t('settle.settledBy', { at: formatTime(card.data.settledAt), by: card.data.settledBy ?? '' })
              : t('score.provisional')}
          </span>
        )}
        {canSettle && card.data && !card.data.settled && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void settle()}
            disabled={busy}
            data-testid="settle-button"
          >
            {t('settle.button')}
          </button>
        )}
      </div>
      {msg && (
        <p
          className={msg.ok ? 'state state-ok' : 'state state-error'}
          role={msg.ok ? 'status' : 'alert'}
          data-testid="settle-message"
        >
          {msg.text}
        </p>
      )}
      <Async state={ranks}>{(r) => <RedBlackLists red={r.redList} black={r.blackList} />}</Async>
      <Async state={card}>
        {(c) => (
          <>
            <Suspense fallback={<Loading label={t('home.chartsLoading')} />}>
              <ScoreChart rows={c.departments} />
            </Suspense>
            <RankTable
              rows={c.departments}
              title={t('score.departments')}
              testId="settle-departments"
              red={ranks.data?.redList}
              black={ranks.data?.blackList}
            />
            <RankTable rows={c.areas} title={t('score.areas')} testId="settle-areas" />
          </>
        )}
      </Async>
    </div>
  );
}
