import { useState } from 'react';
import { useErrorText } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { hotApi, type Metoo } from './api.js';
import { useHotT } from './messages.js';
import './hotspots.css';

/**
 * "Me too" (我也遇到) on an item's public page: once per account or browser (the server keeps
 * count). Shows nothing for an item the public cannot see (the server answers 404).
 */
export default function MetooButton({ code }: { code: string }) {
  const t = useHotT();
  const errorText = useErrorText();
  const loaded = useAsync((s) => hotApi.metoo(code, s), [code]);
  const [state, setState] = useState<Metoo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const s = state ?? loaded.data;
  if (!s) return null;
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      setState(await hotApi.setMetoo(code, !s.mine));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel hot-metoo" data-testid="metoo">
      <button
        type="button"
        className={`btn${s.mine ? ' btn-primary' : ''}`}
        aria-pressed={s.mine}
        disabled={busy}
        onClick={toggle}
        data-testid="metoo-button"
      >
        {s.mine ? t('hot.metooOn') : t('hot.metoo')}
      </button>{' '}
      <span className="muted" data-testid="metoo-count">
        {t('hot.metooCount', { n: s.count })}
      </span>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
