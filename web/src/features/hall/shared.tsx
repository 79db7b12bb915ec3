import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { hallApi, type Vocab } from './api.js';
import { useHallT } from './messages.js';

let vocab: Promise<Vocab> | undefined;
/** The codes' names from the server, fetched once per page load. */
export function useVocab() {
  const { lang } = useI18n();
  const state = useAsync(() => {
    vocab ??= hallApi.vocabulary().catch((e) => {
      vocab = undefined;
      throw e;
    });
    return vocab;
  }, []);
  const name = (list: keyof Vocab, code: string) => {
    const hit = (state.data?.[list] as { code: string; zh: string; en: string }[] | undefined)?.find(
      (x) => x.code === code,
    );
    return hit ? hit[lang] : code;
  };
  return { vocab: state.data, name };
}

export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function CaseState({ status }: { status: string }) {
  const t = useHallT();
  return (
    <span className={`badge hall-state hall-state-${status}`} data-testid="case-status">
      {t(`state.${status}` as 'state.issued')}
    </span>
  );
}

export function WarningDot({ level }: { level: string }) {
  if (level === 'none') return null;
  return <span className={`badge warning-${level}`}>{level}</span>;
}

export function Days({ n }: { n: number }) {
  const t = useHallT();
  return <>{n === 0 ? t('guide.instant') : t('guide.days', { n })}</>;
}
