import type { Db } from '../db/database.js';
import type { Bilingual, Lang } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { eventsOf } from '../audit/audit.repository.js';
import { attachmentsOfEvents } from '../attachments/attachment.repository.js';
import type { ProblemService } from './problem.service.js';
import { codesOf } from './problem.repository.js';
import { mayReadInternal } from './problem-access.js';

// The public sees which office acted, not which official; automatic steps are the system's.
const PUBLIC_ACTOR: Record<string, Bilingual> = {
  public: { zh: '群众', en: 'Resident' },
  acceptance: { zh: '受理中心', en: 'Acceptance centre' },
  department: { zh: '承办单位', en: 'Responsible unit' },
  supervisor: { zh: '督查部门', en: 'Supervision office' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '管理员', en: 'Administrator' },
  system: { zh: '系统', en: 'System' },
};

/** Who acted, in the reader's language: a named official as recorded, an office or the system by its role. */
const actorOf = (internal: boolean, name: string, role: string, lang: Lang): string =>
  internal && name !== 'system' ? name : (PUBLIC_ACTOR[role]?.[lang] ?? role);
// Payload fields safe for the public timeline; everything else is internal.
const PUBLIC_FIELDS = [
  'title',
  'source',
  'leadDepartmentName',
  'coDepartmentNames',
  'deadline',
  'text',
  'percent',
  'evidence',
  'result',
  'rating',
  'comment',
  'checkpointDate',
  'targetCode',
  'duplicateCode',
  'reportCount',
  'level',
  'oldDeadline',
  'newDeadline',
];

export async function timeline(
  db: Db,
  problems: ProblemService,
  actor: Actor,
  code: string,
  token?: string,
  lang: Lang = 'zh',
) {
  const loaded = await problems.load(db, actor, code, token);
  const internal = mayReadInternal(actor, loaded.row, loaded.coDepartmentIds);
  const own = (await eventsOf(db, loaded.row.id)).filter((e) => internal || e.is_public === 1);
  // A merged duplicate's reporter follows the master: its public events after the merge show here.
  const masterId = loaded.row.merged_into_id;
  const mergedAt = own.findLast((e) => e.action === 'merge')?.id ?? 0;
  const fromMaster = masterId ? (await eventsOf(db, masterId)).filter((e) => e.is_public === 1 && e.id > mergedAt) : [];
  const masterCode = masterId ? (await codesOf(db, [masterId])).get(masterId) : undefined;
  const events = [...own, ...fromMaster];
  const files = await attachmentsOfEvents(
    db,
    events.map((e) => e.id),
  );
  return {
    items: events.map((e) => {
      const payload = JSON.parse(e.payload) as Record<string, unknown>;
      return {
        id: e.id,
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        actorName: actorOf(internal, e.actor_name, e.role, lang),
        role: e.role,
        reason: e.reason,
        payload: internal
          ? payload
          : Object.fromEntries(Object.entries(payload).filter(([k]) => PUBLIC_FIELDS.includes(k))),
        isPublic: e.is_public === 1,
        createdAt: e.created_at,
        attachments: files
          .filter((f) => f.event_id === e.id && (internal || f.is_public === 1))
          .map((f) => ({
            id: f.id,
            filename: f.filename,
            mime: f.mime,
            size: f.size,
            kind: f.kind,
            url: `/api/v1/attachments/${f.id}`,
          })),
        ...(e.problem_id !== loaded.row.id && masterCode ? { masterCode } : {}),
      };
    }),
  };
}
