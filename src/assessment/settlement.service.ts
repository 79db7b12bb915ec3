import type { Actor } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import { constraintViolation } from '../db/dialect.js';
import { rank } from '../supervision/rates.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';
import { computeScorecard, type Scorecard, type ScoreRow } from './scorecard.js';
import { monthWindow } from './month-window.js';
import type { SettlementSection } from '../feature.js';

export interface ScorecardView extends Scorecard {
  settled: boolean;
  settledAt: string | null;
  settledBy: string | null;
}

/**
 * Monthly settlement (月结): a supervisor freezes a finished month's scorecard as a snapshot, so
 * later edits do not change history; an unsettled month is computed live on each request.
 */
export function settlementService(rt: SupervisionRuntime, sections: () => SettlementSection[] = () => []) {
  const db = rt.db;

  /** The three rates' scorecard plus what other features add (the hall's cases and ratings). */
  async function compute(month: string): Promise<Scorecard> {
    const card = await computeScorecard(rt, month);
    const w = monthWindow(month, rt.timezone);
    const extra: Record<string, unknown> = {};
    for (const s of sections()) extra[s.key] = await s.compute({ month, firstDay: w.firstDay, lastDay: w.lastDay });
    return Object.keys(extra).length ? { ...card, sections: extra } : card;
  }

  async function scorecard(month: string): Promise<ScorecardView> {
    monthWindow(month, rt.timezone);
    const row = await db
      .selectFrom('settlements')
      .leftJoin('users as u', 'u.id', 'settlements.settled_by')
      .select(['settlements.snapshot', 'settlements.settled_at', 'u.display_name'])
      .where('settlements.month', '=', month)
      .executeTakeFirst();
    if (row)
      return {
        ...withRanks(JSON.parse(row.snapshot) as Scorecard),
        settled: true,
        settledAt: row.settled_at,
        settledBy: row.display_name ?? null,
      };
    return { ...withRanks(await compute(month)), settled: false, settledAt: null, settledBy: null };
  }

  /**
   * The scorecard's rows in rank order with their ranks, as the public scoreboard ranks them (the
   * settlement page showed "—" for every unit, in name order). Ranks follow from the composite, so a
   * settled snapshot gets the same ranks it had when it was frozen. Only districts rank among areas.
   */
  function withRanks(card: Scorecard): Scorecard {
    const districts = card.areas.filter((a) => a.level === 'district');
    return {
      ...card,
      departments: ranked(card.departments).rows,
      areas: [...ranked(districts).rows, ...card.areas.filter((a) => a.level !== 'district')],
    };
  }

  function ranked(rows: ScoreRow[]) {
    const r = rank(rows, 'composite');
    const ranks = new Map(r.ranked.map((x) => [x.row.id, x.rank]));
    const brief = (x: ScoreRow) => ({ id: x.id, name: x.name, rank: ranks.get(x.id) ?? null, composite: x.composite });
    return {
      rows: r.ranked.map((x) => ({ ...x.row, rank: x.rank })),
      redList: r.redList.map(brief),
      blackList: r.blackList.map(brief),
    };
  }

  return {
    scorecard,

    async settle(actor: Actor, month: string): Promise<ScorecardView> {
      const w = monthWindow(month, rt.timezone);
      if (w.lastDay >= rt.today())
        throw new AppError(
          'validation_failed',
          say(
            `${month} 尚未结束；月份在最后一天之后才能结算`,
            `${month} is not over yet; a month is settled after its last day`,
          ),
          {
            field: 'month',
          },
        );
      const card = await compute(month);
      const now = rt.now().toISOString();
      try {
        await db
          .insertInto('settlements')
          .values({ month, snapshot: JSON.stringify(card), settled_by: actor.id, settled_at: now })
          .execute();
      } catch (err) {
        if (constraintViolation(err) === 'unique')
          throw new AppError('conflict', say(`${month} 已经结算`, `${month} is already settled`), { month });
        throw err;
      }
      return { ...card, settled: true, settledAt: now, settledBy: actor.name };
    },

    async settlements() {
      const rows = await db
        .selectFrom('settlements')
        .leftJoin('users as u', 'u.id', 'settlements.settled_by')
        .select(['settlements.month', 'settlements.settled_at', 'u.display_name'])
        .orderBy('settlements.month', 'desc')
        .execute();
      return rows.map((r) => ({ month: r.month, settledAt: r.settled_at, settledBy: r.display_name ?? null }));
    },

    /** Units ranked by composite score, areas (districts) likewise; top five red list, bottom five black list. */
    async rankings(month: string) {
      const card = await scorecard(month);
      const depts = ranked(card.departments);
      const areas = ranked(card.areas.filter((a) => a.level === 'district'));
      return {
        month,
        settled: card.settled,
        settledAt: card.settledAt,
        weights: card.weights,
        departments: depts.rows,
        areas: areas.rows,
        redList: depts.redList,
        blackList: depts.blackList,
        areaLists: { redList: areas.redList, blackList: areas.blackList },
      };
    },
  };
}

export type SettlementService = ReturnType<typeof settlementService>;
