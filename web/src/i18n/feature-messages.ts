import { useI18n } from './index.js';

type Vars = Record<string, string | number>;

const fill = (template: string, vars?: Vars) =>
  vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;

/**
 * A feature's own messages, Chinese first with every key in English too (a missing translation
 * fails the typecheck). Returns a hook giving `t` for the current language:
 *
 *   const useT = defineMessages({ 'visits.title': '调研走访' }, { 'visits.title': 'Field visits' });
 *   const t = useT(); t('visits.title')
 */
export function defineMessages<Z extends Record<string, string>>(zh: Z, en: { [K in keyof Z]: string }) {
  // A hook made once per feature at module level (never inside a component), so React's rules hold.
  // biome-ignore lint/correctness/noComponentHookFactories: called once per module, not per render
  return function useFeatureT() {
    const { lang } = useI18n();
    const dict: Record<keyof Z, string> = lang === 'en' ? en : zh;
    return (key: keyof Z & string, vars?: Vars) => fill(dict[key] ?? zh[key] ?? key, vars);
  };
}
