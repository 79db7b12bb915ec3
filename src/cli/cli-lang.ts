import { AppError, type Lang } from '../errors.js';
import { ERROR_TEXTS, messageIn } from '../http/error-texts.js';

/**
 * The language the command line explains itself in, by one rule: `--lang en|zh` anywhere on the
 * command line wins; otherwise the locale, read as POSIX does (the first set of LC_ALL,
 * LC_MESSAGES, LANG) — English when it starts with "en", Chinese otherwise (zh_CN, C, POSIX or
 * none), as the server answers a request that names no language. `--lang` is taken out of the
 * arguments so that no command has to declare it.
 */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; argv: string[] } {
  const rest: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') given = argv[++i];
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
    else rest.push(a);
  }
  const locale = given ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  return { lang: locale.toLowerCase().startsWith('en') ? 'en' : 'zh', argv: rest };
}

/**
 * An error as the console shows it: a feature's message in the language chosen; a message written
 * in the other language only follows the code's own sentence rather than being lost, since at a
 * console the specific words (a username, a file) matter more than at a web form.
 */
export function cliErrorText(err: unknown, lang: Lang): string {
  if (!(err instanceof AppError)) return err instanceof Error ? err.message : String(err);
  const text = messageIn(lang, err.code, err.message, err.text);
  const generic = ERROR_TEXTS[err.code][lang];
  if (text !== generic || err.message === generic) return text;
  return lang === 'zh' ? `${generic}：${err.message}` : `${generic}: ${err.message}`;
}
