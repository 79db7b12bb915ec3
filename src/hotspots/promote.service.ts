/**
 * What a supervisor makes of a hot spot: a systemic item (每月一题 / 小切口大整治) reported
 * through the problem service with the cluster's items linked to it — as its children where they
 * have no parent yet — or the items attached to a campaign already open (and detached again). Every link is an event on
 * the linked item's chain (and, for a campaign, on the campaigns' chain), so `qingdan audit verify`
 * covers it.
 */
import type { Actor } from '../auth/actor.js';
import { CITYWIDE_ROLES, requireRole } from '../auth/actor.js';
import { appendEvent } from '../audit/audit.repository.js';
import { appendCampaignEvent } from '../campaigns/campaign-audit.js';
import { requireCampaignWrite } from '../campaigns/campaign-access.js';
import { loadCampaign } from '../campaigns/campaign.service.js';
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import type { Role } from '../lifecycle/lifecycle.js';
import type { ProblemService } from '../problems/problem.service.js';
import type { Clock } from '../shared/time.js';

/** Who promotes a hot spot: the supervision office (and the administrator). */
export const PROMOTERS: Role[] = ['admin', 'supervisor'];
export const KINDS = { monthly: '每月一题', campaign: '小切口大整治' } as const;
export type PromoteKind = keyof typeof KINDS;

export interface PromoteInput {
  codes: string[];
  kind: PromoteKind;
  title: string;
  description?: string;
  isPublic?: boolean;
}

async function itemsOf(trx: Db, codes: string[]) {
  const wanted = [...new Set(codes)];
  const rows = await trx
    .selectFrom('problems')
    .select(['id', 'code', 'parent_id', 'merged_into_id', 'area_id', 'category_id'])
    .where('code', 'in', wanted)
    .execute();
  const missing = wanted.find((c) => !rows.some((r) => r.code === c));
  if (missing)
    throw new AppError('validation_failed', say(`事项 ${missing} 不存在`, `item ${missing} does not exist`), {
      field: 'codes',
      code: missing,
    });
  return wanted.map((c) => rows.find((r) => r.code === c)!);
}

const same = <T>(xs: T[]): T | null => (xs.length && xs.every((x) => x === xs[0]) ? xs[0] : null);

export function promoteService(db: Db, clock: Clock, problems: ProblemService, changed: () => void) {
  const event = (trx: Db, actor: Actor, problemId: number, action: string, payload: Record<string, unknown>) =>
    appendEvent(trx, {
      problemId,
      action,
      actorId: actor.id,
      actorName: actor.name,
      role: actor.role,
      fromState: null,
      toState: null,
      payload,
      reason: null,
      isPublic: false,
      createdAt: clock().toISOString(),
    });

  return {
    async promote(actor: Actor, input: PromoteInput) {
      requireRole(actor, PROMOTERS);
      const out = await db.transaction().execute(async (trx) => {
        const items = await itemsOf(trx, input.codes);
        const kind = KINDS[input.kind];
        const created = await problems.create(
          actor,
          {
            title: `【${kind}】${input.title.trim()}`.slice(0, 200),
            description:
              input.description?.trim() ||
              `${kind}：由 ${items.length} 件相似诉求归集（${items.map((i) => i.code).join('、')}）。`,
            areaId: same(items.map((i) => i.area_id)) ?? undefined,
            categoryId: same(items.map((i) => i.category_id)) ?? undefined,
            sourceCode: 'hotspot',
            isPublic: input.isPublic ?? true,
          },
          undefined,
          trx,
        );
        const code = created.problem.code;
        const now = clock().toISOString();
        let children = 0;
        for (const it of items) {
          const child = it.parent_id === null && it.merged_into_id === null;
          if (child) await trx.updateTable('problems').set({ parent_id: created.id }).where('id', '=', it.id).execute();
          children += child ? 1 : 0;
          await trx
            .insertInto('hot_links')
            .values({ systemic_id: created.id, problem_id: it.id, created_by: actor.id, created_at: now })
            .execute();
          await event(trx, actor, it.id, 'hotspot_link', { systemic: code, kind: input.kind, child });
        }
        await event(trx, actor, created.id, 'hotspot_promote', { kind: input.kind, items: items.map((i) => i.code) });
        return { code, kind: input.kind, linked: items.length, children };
      });
      changed();
      return out;
    },

    async attach(actor: Actor, campaignId: number, codes: string[]) {
      const out = await db.transaction().execute(async (trx) => {
        const c = await loadCampaign(trx, campaignId);
        requireCampaignWrite(actor, c.department_id);
        // Department staff attach only items they may read: a 404 for the rest, as everywhere.
        if (!CITYWIDE_ROLES.includes(actor.role)) for (const code of codes) await problems.load(trx, actor, code);
        const items = (await itemsOf(trx, codes)).filter((i) => i.id !== c.problem_id);
        const have = new Set(
          (
            await trx.selectFrom('hot_campaign_items').select('problem_id').where('campaign_id', '=', c.id).execute()
          ).map((r) => r.problem_id),
        );
        const fresh = items.filter((i) => !have.has(i.id));
        const now = clock().toISOString();
        for (const it of fresh) {
          await trx
            .insertInto('hot_campaign_items')
            .values({ campaign_id: c.id, problem_id: it.id, attached_by: actor.id, attached_at: now })
            .execute();
          await event(trx, actor, it.id, 'campaign_attach', { campaignId: c.id, campaign: c.name });
        }
        if (fresh.length)
          await appendCampaignEvent(trx, {
            entity: 'campaign',
            entityId: c.id,
            action: 'attach_items',
            actor,
            payload: { items: fresh.map((i) => i.code) },
            createdAt: now,
          });
        return {
          campaignId: c.id,
          attached: fresh.map((i) => i.code),
          already: items.filter((i) => have.has(i.id)).map((i) => i.code),
        };
      });
      changed();
      return out;
    },

    /** Takes an attached item off a campaign again: who may attach may detach, audited the same way. */
    async detach(actor: Actor, campaignId: number, code: string) {
      await db.transaction().execute(async (trx) => {
        const c = await loadCampaign(trx, campaignId);
        requireCampaignWrite(actor, c.department_id);
        if (!CITYWIDE_ROLES.includes(actor.role)) await problems.load(trx, actor, code);
        const row = await trx
          .selectFrom('hot_campaign_items as a')
          .innerJoin('problems as p', 'p.id', 'a.problem_id')
          .select('p.id')
          .where('a.campaign_id', '=', c.id)
          .where('p.code', '=', code)
          .executeTakeFirst();
        if (!row)
          throw new AppError(
            'not_found',
            say(`事项 ${code} 未附加到专项行动 ${c.name}`, `item ${code} is not attached to campaign ${c.name}`),
          );
        await trx
          .deleteFrom('hot_campaign_items')
          .where('campaign_id', '=', c.id)
          .where('problem_id', '=', row.id)
          .execute();
        await event(trx, actor, row.id, 'campaign_detach', { campaignId: c.id, campaign: c.name });
        await appendCampaignEvent(trx, {
          entity: 'campaign',
          entityId: c.id,
          action: 'detach_items',
          actor,
          payload: { items: [code] },
          createdAt: clock().toISOString(),
        });
      });
      changed();
    },
  };
}

export type PromoteService = ReturnType<typeof promoteService>;
