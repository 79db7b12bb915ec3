import { useEffect, useState } from 'react';
import { getTimeLimits, putTimeLimits } from '../../api/supervision.js';
import type { TierLimit } from '../../api/supervision.js';
import { Async, useErrorText } from '../../components/Async.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { TIERS } from './ref-config.js';

const UNITS = ['working_days', 'calendar_days', 'calendar_months'] as const;

/** Time-limit tiers (限时): each category names a tier; assignment defaults its deadline from it. */
export function TimeLimitsEditor() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const state = useAsync((s) => getTimeLimits(s), []);
  const [tiers, setTiers] = useState<Record<string, TierLimit>>({});
  const [signFor, setSignFor] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!state.data) return;
    setTiers({ ...(state.data.effective.tiers ?? {}) });
    setSignFor(String(state.data.effective.signForHours ?? ''));
  }, [state.data]);

  const save = async () => {
    setMsg(null);
    try {
      // Keep every other override (per-urgency tiers, dispatch hours) as it was.
      const body = { ...(state.data?.overrides ?? {}), tiers, ...(signFor ? { signForHours: Number(signFor) } : {}) };
      state.setData(await putTimeLimits(body));
      setMsg({ ok: true, text: t('settings.saved') });
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  const set = (tier: string, patch: Partial<TierLimit>) =>
    setTiers((cur) => ({ ...cur, [tier]: { ...cur[tier], ...patch } }));

  return (
    <section className="panel" data-testid="time-limits-editor">
      <h2>{t('settings.timeLimits')}</h2>
      <p className="muted">{t('limits.lead')}</p>
      <Async state={state}>
        {() => (
          <>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('ref.timeLimitTier')}</th>
                    <th scope="col">{t('limits.amount')}</th>
                    <th scope="col">{t('limits.unit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {TIERS.map((tier) => (
                    <tr key={tier}>
                      <th scope="row">{t(`tier.${tier}`)}</th>
                      <td>
                        <input
                          type="number"
                          min={0}
                          max={3650}
                          aria-label={`${t(`tier.${tier}`)} ${t('limits.amount')}`}
                          value={tiers[tier]?.amount ?? ''}
                          onChange={(e) => set(tier, { amount: Number(e.target.value) })}
                          data-testid={`tier-${tier}`}
                        />
                      </td>
                      <td>
                        <select
                          aria-label={`${t(`tier.${tier}`)} ${t('limits.unit')}`}
                          value={tiers[tier]?.unit ?? 'working_days'}
                          onChange={(e) => set(tier, { unit: e.target.value as TierLimit['unit'] })}
                        >
                          {UNITS.map((u) => (
                            <option key={u} value={u}>
                              {t(`unit.${u}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="field">
              <label htmlFor="sign-for">{t('limits.signFor')}</label>
              <input
                id="sign-for"
                type="number"
                min={0}
                max={720}
                value={signFor}
                onChange={(e) => setSignFor(e.target.value)}
              />
            </div>
            <button type="button" className="btn btn-primary" onClick={() => void save()} data-testid="limits-save">
              {t('common.save')}
            </button>
          </>
        )}
      </Async>
      {msg && (
        <p className={msg.ok ? 'state state-ok' : 'state state-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </section>
  );
}
