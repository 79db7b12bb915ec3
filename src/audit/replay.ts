import type { Db } from '../db/database.js';

/** The columns of an item that its events determine, as far as they record them. */
export const REPLAYED = ['status', 'lead_department_id', 'deadline'] as const;
type Column = (typeof REPLAYED)[number];
type State = Partial<Record<Column, string | number | null>>;

interface ReplayEvent {
  action: string;
  to_state: string | null;
  payload: string;
}

const parse = (payload: string): Record<string, any> => {
  try {
    return JSON.parse(payload) ?? {};
  } catch {
    return {};
  }
};

/**
 * Replays an item's events into the columns they determine. A column stays unknown (absent) until
 * an event states it: the sheet import names its lead unit by name only, so an imported item's
 * lead is known again from its next assignment or a sheet update that changes it. Every action
 * that sets these columns records the value in its payload (src/problems/action-effects.ts,
 * src/supervision/extensions.service.ts, src/sheets/import-writer.ts).
 */
export function replayItem(events: readonly ReplayEvent[]): State {
  const s: State = {};
  for (const e of events) {
    if (e.to_state !== null) s.status = e.to_state;
    const p = parse(e.payload);
    switch (e.action) {
      case 'submit':
      case 'return':
        s.lead_department_id = null;
        s.deadline = null;
        break;
      case 'import':
        delete s.lead_department_id;
        s.deadline = p.deadline ?? null;
        break;
      case 'assign':
        s.lead_department_id = p.leadDepartmentId ?? null;
        s.deadline = p.deadline ?? null;
        break;
      case 'extension_granted':
        if (typeof p.grantedDeadline === 'string') s.deadline = p.grantedDeadline;
        break;
      case 'import_update':
        for (const c of REPLAYED) if (p.changes && c in p.changes) s[c] = p.changes[c].to ?? null;
        break;
    }
  }
  return s;
}

export interface StateMismatch {
  code: string;
  column: Column;
  recorded: unknown;
  replayed: unknown;
}

/**
 * Compares each item's row with what its events say, in pages of items; `code` limits it to one.
 * Catches an UPDATE of `problems` behind the system's back, which the chain alone cannot see.
 */
export async function checkItemStates(
  db: Db,
  opts: { code?: string; pageSize?: number } = {},
): Promise<{ checked: number; mismatches: StateMismatch[] }> {
  const pageSize = opts.pageSize ?? 500;
  const mismatches: StateMismatch[] = [];
  let checked = 0;
  let lastId = 0;
  for (;;) {
    let q = db
      .selectFrom('problems')
      .select(['id', 'code', ...REPLAYED])
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize);
    if (opts.code) q = q.where('code', '=', opts.code);
    const items = await q.execute();
    if (!items.length) break;
    const events = await db
      .selectFrom('events')
      .select(['problem_id', 'action', 'to_state', 'payload'])
      .where(
        'problem_id',
        'in',
        items.map((i) => i.id),
      )
      .orderBy('id')
      .execute();
    const byItem = new Map<number, ReplayEvent[]>();
    for (const e of events) {
      const list = byItem.get(e.problem_id);
      if (list) list.push(e);
      else byItem.set(e.problem_id, [e]);
    }
    for (const item of items) {
      const replayed = replayItem(byItem.get(item.id) ?? []);
      for (const column of REPLAYED) {
        if (!(column in replayed)) continue;
        const raw = item[column];
        const recorded = raw !== null && column === 'lead_department_id' ? Number(raw) : raw;
        if (recorded !== replayed[column])
          mismatches.push({ code: item.code, column, recorded, replayed: replayed[column] });
      }
      checked++;
    }
    lastId = items[items.length - 1].id;
    if (items.length < pageSize) break;
  }
  return { checked, mismatches };
}
