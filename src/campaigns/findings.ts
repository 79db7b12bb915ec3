import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { FindingInputT } from './campaign.schema.js';
import { FINDING_SOURCES } from './vocabulary.js';

/**
 * Makes sure a source exists (the demo lists them; a city without the demo gets them on first use),
 * and clears the cached reference names so the new item is presented with it.
 */
export async function ensureSource(rt: CampaignRuntime, trx: Db, key: keyof typeof FINDING_SOURCES): Promise<string> {
  const s = FINDING_SOURCES[key];
  const found = await trx.selectFrom('sources').select('id').where('code', '=', s.code).executeTakeFirst();
  if (!found) {
    await trx.insertInto('sources').values({ code: s.code, name: s.name, name_en: s.nameEn, sort: 80 }).execute();
    rt.referenceNames.invalidate();
  }
  return s.code;
}

export async function checkSubjects(trx: Db, ids: Array<number | null | undefined>, field: string) {
  const wanted = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  if (!wanted.length) return;
  const rows = await trx.selectFrom('cmp_subjects').select('id').where('id', 'in', wanted).execute();
  const have = new Set(rows.map((r) => r.id));
  const missing = wanted.find((x) => !have.has(x));
  if (missing !== undefined)
    throw new AppError('validation_failed', say(`对象 ${missing} 不存在`, `subject ${missing} does not exist`), {
      field,
      subjectId: missing,
    });
}

/**
 * Each finding of a visit or point of a forum becomes an ordinary item of the list through the
 * problem service (every hook runs), in the caller's transaction, so a bad finding stores nothing.
 * Livelihood findings carry the list's 民生 tag where the city has one.
 */
export async function createFindings(
  rt: CampaignRuntime,
  trx: Db,
  actor: Actor,
  link: { visitId?: number; forumId?: number; foundOn: string; ownerLeaderId?: number | null; areaId?: number | null },
  findings: FindingInputT[],
) {
  const sourceCode = await ensureSource(rt, trx, link.visitId ? 'visit' : 'forum');
  await checkSubjects(
    trx,
    findings.map((f) => f.subjectId),
    'findings/subjectId',
  );
  const tag = await trx.selectFrom('tags').select('id').where('code', '=', 'livelihood').executeTakeFirst();
  const codes: string[] = [];
  for (const f of findings) {
    const created = await rt.problems.problems.create(
      actor,
      {
        title: f.title,
        description: f.description,
        categoryId: f.categoryId ?? null,
        areaId: f.areaId ?? link.areaId ?? null,
        sourceCode,
        ...(f.livelihood && tag && { tagIds: [tag.id] }),
      },
      undefined,
      trx,
    );
    // The leader who found it owns it (领导领办) unless an assignment says otherwise later.
    if (link.ownerLeaderId)
      await trx
        .updateTable('problems')
        .set({ owner_leader_id: link.ownerLeaderId })
        .where('id', '=', created.id)
        .execute();
    await trx
      .insertInto('cmp_findings')
      .values({
        visit_id: link.visitId ?? null,
        forum_id: link.forumId ?? null,
        subject_id: f.subjectId ?? null,
        problem_id: created.id,
        livelihood: f.livelihood ? 1 : 0,
        found_on: link.foundOn,
      })
      .execute();
    codes.push(created.problem.code);
  }
  return codes;
}
