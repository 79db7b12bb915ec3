import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import type { Clock } from '../shared/time.js';
import {
  compose,
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  type MessageTemplate,
  type TemplateLang,
} from './update-templates.js';
import './resident-tables.js';

const LANGS: TemplateLang[] = ['zh', 'en'];

/** What a preview fills in: plausible values, so the admin reads the message a reporter would get. */
const SAMPLE: Record<string, string> = {
  code: 'QD-2026-000123',
  title: '江津路路灯不亮',
  shortCode: 'K7QX-M3RP',
  link: 'https://qingdan.example/me',
  unit: '市城市管理执法委员会',
  deadline: '2026-12-20',
  reason: '材料不全，请补充照片',
};

function checkAction(action: string): string[] {
  const allowed = PLACEHOLDERS[action];
  if (!allowed)
    throw new AppError('not_found', say(`没有名为“${action}”的消息模板`, `no message template "${action}"`), {
      what: 'template',
      key: action,
    });
  return allowed;
}

/** Refuses a template naming a placeholder its message cannot fill, and names the ones it can. */
export function validateTemplate(action: string, t: MessageTemplate): void {
  const allowed = checkAction(action);
  for (const field of ['title', 'body'] as const) {
    const unknown = [...t[field].matchAll(/\{(\w*)\}/g)].map((m) => m[1]).filter((name) => !allowed.includes(name));
    if (unknown.length)
      throw new AppError(
        'validation_failed',
        say(
          `未知的占位符 {${unknown[0]}}；可用：${allowed.map((a) => `{${a}}`).join(' ')}`,
          `unknown placeholder {${unknown[0]}}; allowed: ${allowed.map((a) => `{${a}}`).join(' ')}`,
        ),
        { field, unknown, allowed },
      );
    if (!t[field].trim())
      throw new AppError('validation_failed', say(`${field} 不能为空`, `${field} may not be empty`), { field });
  }
}

/** The messages to reporters: defaults in code, an admin's edits in `reporter_templates`. */
export function templateStore(db: Db, clock: Clock) {
  async function overrides(dbx: Db, action?: string) {
    let q = dbx.selectFrom('reporter_templates').selectAll();
    if (action) q = q.where('action', '=', action);
    return q.execute();
  }

  /** The message for an action as it will be sent (read in the writing transaction). */
  async function effective(dbx: Db, action: string): Promise<Record<TemplateLang, MessageTemplate> | null> {
    const base = DEFAULT_TEMPLATES[action];
    if (!base) return null;
    const out = { zh: { ...base.zh }, en: { ...base.en } };
    for (const o of await overrides(dbx, action)) out[o.lang as TemplateLang] = { title: o.title, body: o.body };
    return out;
  }

  async function list() {
    const rows = await overrides(db);
    return Object.keys(DEFAULT_TEMPLATES).map((action) => ({
      action,
      placeholders: PLACEHOLDERS[action],
      langs: LANGS.map((lang) => {
        const o = rows.find((r) => r.action === action && r.lang === lang);
        return {
          lang,
          title: o?.title ?? DEFAULT_TEMPLATES[action][lang].title,
          body: o?.body ?? DEFAULT_TEMPLATES[action][lang].body,
          edited: Boolean(o),
          updatedAt: o?.updated_at ?? null,
          updatedBy: o?.updated_by ?? null,
          default: DEFAULT_TEMPLATES[action][lang],
        };
      }),
    }));
  }

  async function save(action: string, lang: TemplateLang, t: MessageTemplate, by: string) {
    validateTemplate(action, t);
    const row = { title: t.title, body: t.body, updated_at: clock().toISOString(), updated_by: by };
    await db
      .insertInto('reporter_templates')
      .values({ action, lang, ...row })
      .onConflict((oc) => oc.columns(['action', 'lang']).doUpdateSet(row))
      .execute();
  }

  async function reset(action: string, lang: TemplateLang) {
    checkAction(action);
    await db.deleteFrom('reporter_templates').where('action', '=', action).where('lang', '=', lang).execute();
  }

  /** The message as a reporter would read it, with the draft (if given) in place of the stored text. */
  async function preview(action: string, lang?: TemplateLang, draft?: MessageTemplate) {
    checkAction(action);
    const current = (await effective(db, action))!;
    if (draft && lang) {
      validateTemplate(action, draft);
      current[lang] = draft;
    }
    return compose(current, SAMPLE);
  }

  return { effective, list, save, reset, preview };
}

export type TemplateStore = ReturnType<typeof templateStore>;
