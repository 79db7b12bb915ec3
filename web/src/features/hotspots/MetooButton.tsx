import { useState } from 'react';
import { useAsync } from '../../lib/use-async.js';
import { useSubmit } from '../campaigns/useSubmit.js';
import { hotApi, type Metoo } from './api.js';
import { useHotT } from './messages.js';
import './hotspots.css';

/**
 * "Me too" (我也遇到) on an item's public page: once per account or browser (the server keeps
 * count). Shows nothing for an item the public cannot see (the server answers 404).
 */
export default function MetooButton({ code }: { code: string }) {
  const t = useHotT();
  const loaded = useAsync((s) => hotApi.metoo(code, s), [code]);
  const [state, setState] = useState<Metoo | null>(null);
  const { busy, error, run } = useSubmit();
  const s = state ?? loaded.data;
  if (!s) return null;
  const toggle = () => run(async () => setState(await hotApi.setMetoo(code, !s.mine)));
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
