import type { ReactNode } from 'react';
import { isApiError } from '../api/client.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import type { AsyncState } from '../lib/use-async.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" /> {label ?? t('state.loading')}
    </div>
  );
}

export function Empty({ children, testId = 'empty' }: { children?: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-empty" data-testid={testId}>
      {children ?? t('state.empty')}
    </div>
  );
}

const KNOWN: Record<string, MessageKey> = {
  network: 'error.network',
  not_found: 'error.not_found',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  validation_failed: 'error.validation_failed',
  bad_request: 'error.validation_failed',
  invalid_transition: 'error.invalid_transition',
  conflict: 'error.conflict',
  idempotency_conflict: 'error.conflict',
  payload_too_large: 'error.payload_too_large',
  unsupported_media_type: 'error.unsupported_media_type',
  rate_limited: 'error.rate_limited',
};

/** A short human message for any thrown value. */
export function useErrorText(): (e: unknown) => string {
  const { t, lang } = useI18n();
  return (e) => {
    if (isApiError(e)) {
      const key = KNOWN[e.code];
      const base = key ? t(key) : t('error.generic');
      // The server explains in the language the page asked for (Accept-Language); an older server's
      // English sentence is not mixed into a Chinese one ("填写的内容有误（milestone … is due …）").
      const foreign = lang === 'zh' && !/[\u4e00-\u9fff]/.test(e.message ?? '');
      const plain =
        foreign ||
        key === 'error.network' ||
        key === 'error.not_found' ||
        !e.message ||
        e.message === e.code ||
        e.message === base;
      return plain ? base : t('common.withDetail', { text: base, detail: e.message });
    }
    return t('error.generic');
  };
}

export function ErrorBox({
  error,
  onRetry,
  testId = 'error',
  message,
}: {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
  message?: string;
}) {
  const { t } = useI18n();
  const derived = useErrorText()(error);
  const text = message ?? derived;
  return (
    <div className="state state-error" role="alert" data-testid={testId}>
      <span>{text}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** Render loading / error / empty / data for a useAsync state. */
export function Async<T>({
  state,
  isEmpty,
  empty,
  children,
  notFoundText,
}: {
  state: AsyncState<T>;
  isEmpty?: (d: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
  /** Shown instead of the generic text when the endpoint answers 404 (e.g. not built yet). */
  notFoundText?: string;
}) {
  if (state.loading && state.data === undefined) return <Loading />;
  if (state.error) {
    const nf = notFoundText && isApiError(state.error) && state.error.status === 404 ? notFoundText : undefined;
    return <ErrorBox error={state.error} onRetry={state.reload} message={nf} />;
  }
  if (state.data === undefined) return <Loading />;
  if (isEmpty?.(state.data)) return <Empty>{empty}</Empty>;
  return <>{children(state.data)}</>;
}
