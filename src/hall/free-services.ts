import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { HallRuntime } from './hall-runtime.js';
import type { CaseRow } from './application.repository.js';
import { caseEvent } from './case-writes.js';
import { codesOf, DEFAULT_UNIT_FEN, FREE_SERVICE_UNITS, FREE_SERVICES, type FreeService } from './vocabulary.js';

/**
 * The front desk's free services (copies, postage, seals, drawing reviews) and what they saved
 * applicants: each use is stored with the unit value in force, so changing a price later does
 * not rewrite the year's figure.
 */
const PRICES_KEY = 'free_service_prices';

export async function unitPrices(db: Db): Promise<Record<FreeService, number>> {
  const row = await db.selectFrom('hall_settings').select('value').where('key', '=', PRICES_KEY).executeTakeFirst();
  return { ...DEFAULT_UNIT_FEN, ...(row ? (JSON.parse(row.value) as Partial<Record<FreeService, number>>) : {}) };
}

export async function priceList(db: Db) {
  const prices = await unitPrices(db);
  return {
    items: codesOf(FREE_SERVICES).map((s) => ({
      service: s,
      ...FREE_SERVICES[s],
      unitFen: prices[s],
      unit: FREE_SERVICE_UNITS[s].zh,
    })),
  };
}

export async function setPrices(rt: HallRuntime, actor: Actor, prices: { service: FreeService; unitFen: number }[]) {
  const now = rt.now().toISOString();
  await rt.db.transaction().execute(async (trx) => {
    const merged = { ...(await unitPrices(trx)), ...Object.fromEntries(prices.map((p) => [p.service, p.unitFen])) };
    await trx
      .insertInto('hall_settings')
      .values({ key: PRICES_KEY, value: JSON.stringify(merged), updated_by: actor.id, updated_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: JSON.stringify(merged), updated_by: actor.id, updated_at: now }),
      )
      .execute();
  });
  return priceList(rt.db);
}

export async function recordFreeServices(
  rt: HallRuntime,
  trx: Db,
  actor: Actor,
  c: Pick<CaseRow, 'id' | 'number' | 'window_code'>,
  uses: { service: FreeService; quantity: number }[],
) {
  const prices = await unitPrices(trx);
  const now = rt.now().toISOString();
  await trx
    .insertInto('hall_free_services')
    .values(
      uses.map((u) => ({
        application_id: c.id,
        service: u.service,
        quantity: u.quantity,
        unit_fen: prices[u.service],
        window_code: c.window_code,
        recorded_by: actor.id,
        recorded_on: rt.today(),
        created_at: now,
      })),
    )
    .execute();
  await caseEvent(rt, trx, actor, c, {
    action: 'free_services',
    from: null,
    to: null,
    payload: { uses },
    isPublic: false,
  });
}

/** What the free services saved between two dates, in fen, per service and in all. */
export async function savedBetween(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('hall_free_services')
    .select([
      'service',
      (eb) => eb.fn.sum<number | string>('quantity').as('quantity'),
      (eb) => eb.fn.sum<number | string>(eb('quantity', '*', eb.ref('unit_fen'))).as('fen'),
    ])
    .where('recorded_on', '>=', from)
    .where('recorded_on', '<=', to)
    .groupBy('service')
    .execute();
  const byService = codesOf(FREE_SERVICES).map((s) => {
    const r = rows.find((x) => x.service === s);
    return { service: s, quantity: Number(r?.quantity ?? 0), savedFen: Number(r?.fen ?? 0) };
  });
  return { byService, savedFen: byService.reduce((a, b) => a + b.savedFen, 0) };
}
