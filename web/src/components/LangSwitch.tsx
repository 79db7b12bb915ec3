import { useI18n } from '../i18n/index.js';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small"
      onClick={() => setLang(next)}
      data-testid="lang-switch"
      lang={next === 'en' ? 'en' : 'zh-CN'}
      aria-label={t('lang.switchLabel')}
    >
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}
