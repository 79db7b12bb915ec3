import type { Actor } from '../auth/actor.js';
import { AppError, notFound, say } from '../errors.js';
import { constraintViolation } from '../db/dialect.js';
import { normalizeText } from '../search/tokenize.js';
import type { HallRuntime } from './hall-runtime.js';
import * as repo from './matter.repository.js';
import { presentBrief, presentMatter } from './matter.presenter.js';
import type { CreateMatterInput, MatterListQueryT, VersionInputT } from './matter.schema.js';
import { publishDraft, writeDraft } from './catalogue-writes.js';
import { codesOf, LIFE_EVENTS } from './vocabulary.js';

/** Who edits the catalogue: administrators anywhere, department staff for their own matters. */
export const CATALOGUE_EDITORS = ['admin', 'department'] as const;

/** The catalogue: matters, their versions (draft → published → replaced) and the searchable guide. */
export function matterService(rt: HallRuntime) {
  const db = rt.db;

  async function view(actor: Actor, code: string, version?: number) {
    const m = await db.selectFrom('hall_matters').selectAll().where('code', '=', code).executeTakeFirst();
    if (!m) throw notFound('matter', code);
    const versions = await repo.versionsOf(db, m.id);
    const today = rt.today();
    const staff = actor.role !== 'public';
    const visible = staff ? versions : versions.filter((v) => repo.versionState(v, today) !== 'draft');
    const pick =
      version !== undefined
        ? visible.find((v) => v.version === version)
        : (visible.find((v) => repo.versionState(v, today) === 'current') ?? (staff ? visible.at(-1) : undefined));
    if (!pick) throw notFound('matter', version !== undefined ? `${code} v${version}` : code);
    const materials = (await repo.materialsOf(db, [pick.id])).get(pick.id) ?? [];
    return presentMatter(pick, materials, today, staff ? versions : undefined);
  }

  return {
    get: (actor: Actor, code: string, version?: number) => view(actor, code, version),

    async list(actor: Actor, q: MatterListQueryT) {
      const state = q.state ?? 'published';
      if (state !== 'published' && actor.role === 'public')
        throw new AppError(
          'unauthenticated',
          say('草稿仅供目录编辑人员查看，请登录', 'drafts are for the catalogue editors; please sign in'),
        );
      const today = rt.today();
      let departmentIds = q.departmentId ? [q.departmentId] : undefined;
      if (state !== 'published' && actor.role === 'department')
        departmentIds = (departmentIds ?? actor.departmentScope).filter((d) => actor.departmentScope.includes(d));
      const rows = await repo.findVersions(db, { ...q, state, today, departmentIds });
      const text = q.q ? normalizeText(q.q).replace(/\s+/g, '') : '';
      // Matters whose name holds the query as typed come first; then the catalogue's order.
      const ranked = text
        ? [...rows].sort(
            (a, b) =>
              Number(normalizeText(b.name).includes(text)) - Number(normalizeText(a.name).includes(text)) ||
              a.name.length - b.name.length,
          )
        : rows;
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      return {
        items: ranked.slice(offset, offset + limit).map((r) => presentBrief(r, Number(r.material_count), today)),
        total: ranked.length,
        nextOffset: offset + limit < ranked.length ? offset + limit : null,
      };
    },

    /** Published matters per life event and per department: the guide's ways in. */
    async counts() {
      const today = rt.today();
      const byEvent = await repo
        .currentOn(repo.versionsQuery(db), today)
        .innerJoin('hall_version_life_events as le', 'le.version_id', 'v.id')
        .clearSelect()
        .select(['le.event', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('le.event')
        .execute();
      const byDept = await repo
        .currentOn(repo.versionsQuery(db), today)
        .clearSelect()
        .select(['d.id', 'd.name', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy(['d.id', 'd.name'])
        .orderBy('d.id')
        .execute();
      const n = new Map(byEvent.map((r) => [r.event, Number(r.n)]));
      return {
        items: codesOf(LIFE_EVENTS).map((code) => ({ code, ...LIFE_EVENTS[code], matters: n.get(code) ?? 0 })),
        departments: byDept.map((d) => ({ id: d.id, name: d.name, matters: Number(d.n) })),
      };
    },

    async create(actor: Actor, input: CreateMatterInput) {
      const { code, ...version } = input;
      try {
        await db
          .transaction()
          .execute((trx) => writeDraft(trx, actor, code, version, rt.now().toISOString(), { create: 'require' }));
      } catch (err) {
        if (constraintViolation(err) === 'unique')
          throw new AppError('conflict', say(`事项编码 ${code} 已存在`, `the matter code ${code} is taken`), {
            field: 'code',
          });
        throw err;
      }
      return view(actor, code);
    },

    /** Starts the next version as a draft, copied from the latest one. */
    async newDraft(actor: Actor, code: string) {
      const m = await db.selectFrom('hall_matters').selectAll().where('code', '=', code).executeTakeFirst();
      if (!m) throw notFound('matter', code);
      const { version } = await db.transaction().execute(async (trx) => {
        const last = (await repo.versionsOf(trx, m.id)).at(-1)!;
        if (last.status === 'draft')
          throw new AppError(
            'conflict',
            say(`v${last.version} 仍是草稿：请直接编辑`, `v${last.version} is still a draft: edit it instead`),
            {
              version: last.version,
            },
          );
        const mats = (await repo.materialsOf(trx, [last.id])).get(last.id) ?? [];
        return writeDraft(trx, actor, code, inputOf(last, mats), rt.now().toISOString(), { create: 'forbid' });
      });
      return view(actor, code, version);
    },

    async updateDraft(actor: Actor, code: string, input: VersionInputT) {
      const { version } = await db.transaction().execute(async (trx) => {
        const m = await trx.selectFrom('hall_matters').select('id').where('code', '=', code).executeTakeFirst();
        if (!m) throw notFound('matter', code);
        if (!(await repo.versionsOf(trx, m.id)).some((v) => v.status === 'draft'))
          throw new AppError(
            'conflict',
            say('该事项没有草稿：请先新建版本', 'the matter has no draft: start a new version first'),
          );
        return writeDraft(trx, actor, code, input, rt.now().toISOString(), { create: 'forbid' });
      });
      return view(actor, code, version);
    },

    /** Publishes the draft from a date (default today); cases started under the old version keep it. */
    async publish(actor: Actor, code: string, effectiveFrom?: string) {
      const today = rt.today();
      await db
        .transaction()
        .execute((trx) => publishDraft(trx, actor, code, effectiveFrom ?? today, today, rt.now().toISOString()));
      return view(actor, code);
    },
  };
}

/** A stored version as an input, to copy it into the next draft. */
function inputOf(v: repo.VersionRow, mats: repo.MaterialRow[]): VersionInputT {
  return {
    name: v.name,
    type: v.type as VersionInputT['type'],
    departmentId: v.department_id,
    implementingBody: v.implementing_body,
    legalBasis: v.legal_basis,
    conditions: v.conditions,
    audience: v.audience as VersionInputT['audience'],
    statutoryDays: v.statutory_days,
    promisedDays: v.promised_days,
    feeFen: v.fee_fen,
    feeNote: v.fee_note ?? undefined,
    atMostOnce: v.at_most_once === 1,
    serviceMode: v.service_mode as VersionInputT['serviceMode'],
    freeServices: JSON.parse(v.free_services),
    lifeEvents: JSON.parse(v.life_events),
    materials: mats.map((x) => ({
      name: x.name,
      form: x.form as VersionInputT['materials'][number]['form'],
      copies: x.copies,
      required: x.required === 1,
      note: x.note ?? undefined,
    })),
  };
}

export type MatterService = ReturnType<typeof matterService>;
