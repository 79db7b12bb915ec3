import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setRequestLanguage } from '../api/client.js';
import { zh as zhCore } from './zh.js';
import { en as enCore } from './en.js';
import { zhPortal } from './zh-portal.js';
import { enPortal } from './en-portal.js';
import { zhOffice } from './zh-office.js';
import { enOffice } from './en-office.js';
import { zhWork } from './zh-work.js';
import { enWork } from './en-work.js';
import { zhLetters } from './zh-letters.js';
import { enLetters } from './en-letters.js';
import { zhImport } from './zh-import.js';
import { enImport } from './en-import.js';

export type Lang = 'zh' | 'en';
// Core, portal and back-office messages live in separate files; each English file is typed
// against its Chinese source, so a missing translation fails the typecheck.
const zh = { ...zhCore, ...zhPortal, ...zhOffice, ...zhWork, ...zhLetters, ...zhImport };
export type MessageKey = keyof typeof zh;
type Vars = Record<string, string | number>;

const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  zh,
  en: { ...enCore, ...enPortal, ...enOffice, ...enWork, ...enLetters, ...enImport },
};
const STORAGE_KEY = 'qingdan.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') {
      // Before any child's first request: effects of the provider run after its children's.
      setRequestLanguage(saved);
      return saved;
    }
  } catch {
    /* storage disabled: default to Chinese */
  }
  return 'zh';
}

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Like t, but placeholders may be React nodes (e.g. numbers wrapped with test ids). */
  tn: (key: MessageKey, nodes: Record<string, ReactNode>) => ReactNode[];
  /** Join a list with the language's separator (、 or , ). */
  join: (items: string[]) => string;
  /** Localised name of a reference item. */
  name: (item: { name: string; nameEn?: string | null } | null | undefined) => string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = dictionaries[lang]['app.title'];
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    setRequestLanguage(l);
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t = (key: MessageKey, vars?: Vars) => fill(dict[key] ?? zh[key] ?? key, vars);
    const tn = (key: MessageKey, nodes: Record<string, ReactNode>) =>
      (dict[key] ?? key).split(/(\{\w+\})/).map((part, i) => {
        const m = /^\{(\w+)\}$/.exec(part);
        return m && m[1] in nodes ? <span key={i}>{nodes[m[1]]}</span> : part;
      });
    const name: I18n['name'] = (item) => (item ? (lang === 'en' && item.nameEn ? item.nameEn : item.name) : '');
    const join = (items: string[]) => items.join(dict['common.listSep']);
    return { lang, setLang, t, tn, name, join };
  }, [lang, setLang]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
