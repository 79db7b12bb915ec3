import type { Actor } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import type { HallRuntime } from './hall-runtime.js';
import type { VersionInputT } from './matter.schema.js';
import { publishDraft, writeDraft } from './catalogue-writes.js';

export interface ImportOutcome {
  created: number;
  updated: number;
  published: number;
}

/**
 * Writes a whole catalogue in one transaction: each matter's draft is created or replaced, and
 * with `publishFrom` published from that date. A failing matter stores nothing of the sheet.
 */
export async function importCatalogue(
  rt: HallRuntime,
  actor: Actor,
  items: { code: string; input: VersionInputT; row?: number }[],
  opts: { publishFrom?: string },
): Promise<ImportOutcome> {
  const now = rt.now().toISOString();
  const today = rt.today();
  const out: ImportOutcome = { created: 0, updated: 0, published: 0 };
  await rt.db.transaction().execute(async (trx) => {
    for (const item of items) {
      try {
        const r = await writeDraft(trx, actor, item.code, item.input, now, { create: 'allow' });
        if (r.created) out.created++;
        else out.updated++;
        if (opts.publishFrom) {
          await publishDraft(trx, actor, item.code, opts.publishFrom, today, now);
          out.published++;
        }
      } catch (err) {
        if (err instanceof AppError)
          throw new AppError(
            err.code,
            say(
              `${item.row ? `第${item.row}行 ` : ''}${item.code}：${err.text?.zh ?? err.message}`,
              `${item.row ? `row ${item.row} ` : ''}${item.code}: ${err.message}`,
            ),
            err.details,
          );
        throw err;
      }
    }
  });
  return out;
}
