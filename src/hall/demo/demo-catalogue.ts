import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/database.js';
import { appendHallEvents } from '../hall-audit.js';
import { versionRow } from '../matter.repository.js';
import type { VersionInputT } from '../matter.schema.js';
import { indexTerms } from '../../search/tokenize.js';
import { LIFE_EVENTS, MATTER_TYPES } from '../vocabulary.js';

const chunks = <T>(xs: T[], n = 200) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * The demo's catalogue written in bulk: the same rows, terms and events `importCatalogue` writes
 * matter by matter (catalogue-writes.ts), in a few statements per table. The demo seeds before
 * every browser test file; matter by matter took 1.6 s of it.
 */
export async function bulkCatalogue(
  trx: Db,
  actor: Actor,
  items: { code: string; input: VersionInputT }[],
  from: string,
  now: string,
) {
  const depts = new Map(
    (await trx.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.id, d.name]),
  );
  for (const part of chunks(items, 400))
    await trx
      .insertInto('hall_matters')
      .values(
        part.map((m) => ({ code: m.code, department_id: m.input.departmentId, created_by: actor.id, created_at: now })),
      )
      .execute();
  const matterIds = new Map(
    (await trx.selectFrom('hall_matters').select(['id', 'code']).execute()).map((m) => [m.code, m.id]),
  );
  for (const part of chunks(items, 400))
    await trx
      .insertInto('hall_matter_versions')
      .values(
        part.map((m) => ({
          matter_id: matterIds.get(m.code)!,
          version: 1,
          status: 'published',
          ...versionRow(m.input),
          effective_from: from,
          effective_to: null,
          published_at: now,
          published_by: actor.id,
          created_at: now,
          updated_at: now,
          updated_by: actor.id,
        })),
      )
      .execute();
  const versionIds = new Map(
    (await trx.selectFrom('hall_matter_versions').select(['id', 'matter_id']).where('version', '=', 1).execute()).map(
      (v) => [v.matter_id, v.id],
    ),
  );
  const materials = [];
  const terms = [];
  const events = [];
  const lifeEvents = [];
  for (const m of items) {
    const versionId = versionIds.get(matterIds.get(m.code)!)!;
    const i = m.input;
    materials.push(
      ...i.materials.map((x, seq) => ({
        version_id: versionId,
        seq: seq + 1,
        name: x.name,
        form: x.form,
        copies: x.copies,
        required: x.required ? 1 : 0,
        note: x.note ?? null,
      })),
    );
    const named = new Set(indexTerms(`${i.name} ${m.code}`));
    const rest = indexTerms(
      [
        depts.get(i.departmentId),
        i.implementingBody,
        MATTER_TYPES[i.type].zh,
        ...i.lifeEvents.map((e) => LIFE_EVENTS[e].zh),
        ...i.materials.map((x) => x.name),
      ].join(' '),
    ).filter((t) => !named.has(t));
    terms.push(
      ...[...named].map((term) => ({ term, version_id: versionId, in_name: 1 })),
      ...rest.map((term) => ({ term, version_id: versionId, in_name: 0 })),
    );
    lifeEvents.push(...i.lifeEvents.map((event) => ({ event, version_id: versionId })));
    const matterId = matterIds.get(m.code)!;
    events.push(
      {
        matterId,
        action: 'matter_created',
        actor,
        toState: 'draft',
        payload: { code: m.code, name: i.name, version: 1 },
        isPublic: false,
        createdAt: now,
      },
      {
        matterId,
        action: 'published',
        actor,
        fromState: 'draft',
        toState: 'published',
        payload: { code: m.code, version: 1, effectiveFrom: from, replaces: null },
        isPublic: true,
        createdAt: now,
      },
    );
  }
  for (const part of chunks(materials, 3000)) await trx.insertInto('hall_materials').values(part).execute();
  for (const part of chunks(terms, 5000)) await trx.insertInto('hall_matter_terms').values(part).execute();
  for (const part of chunks(lifeEvents, 5000)) await trx.insertInto('hall_version_life_events').values(part).execute();
  await appendHallEvents(trx, events);
}
