import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { subtreeIds } from '../reference/reference.repository.js';

const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * An Atom feed of new (accepted) and rectified public items, for an area (with its sub-areas)
 * and/or a category. Only public fields: never the reporter.
 */
export async function itemsFeed(
  db: Db,
  publicUrl: string,
  q: { areaId?: number; categoryId?: number; kind?: 'new' | 'rectified' },
): Promise<string> {
  let title = '清单 · 问题动态 / Qingdan items';
  if (q.areaId) {
    const a = await db.selectFrom('areas').select('name').where('id', '=', q.areaId).executeTakeFirst();
    if (!a) throw notFound('area', q.areaId);
    title += ` · ${a.name}`;
  }
  if (q.categoryId) {
    const c = await db.selectFrom('categories').select('name').where('id', '=', q.categoryId).executeTakeFirst();
    if (!c) throw notFound('category', q.categoryId);
    title += ` · ${c.name}`;
  }
  const areaIds = q.areaId ? await subtreeIds(db, 'areas', q.areaId) : null;
  const actions = q.kind === 'new' ? ['accept'] : q.kind === 'rectified' ? ['rectify'] : ['accept', 'rectify'];
  const rows = await db
    .selectFrom('events')
    .innerJoin('problems as p', 'p.id', 'events.problem_id')
    .select(['events.id', 'events.action', 'events.created_at', 'p.code', 'p.title', 'p.description', 'p.status'])
    .where('events.action', 'in', actions)
    .where('p.is_public', '=', 1)
    .where('p.status', 'not in', ['submitted', 'rejected', 'merged'])
    .$if(areaIds !== null, (qb) => qb.where('p.area_id', 'in', areaIds!))
    .$if(q.categoryId !== undefined, (qb) => qb.where('p.category_id', '=', q.categoryId!))
    .orderBy('events.id', 'desc')
    .limit(50)
    .execute();
  const updated = rows[0]?.created_at ?? new Date(0).toISOString();
  const entries = rows.map((r) => {
    const what = r.action === 'accept' ? '新问题 New' : '已整改 Rectified';
    const link = `${publicUrl}/problems/${encodeURIComponent(r.code)}`;
    return [
      '<entry>',
      `<id>urn:qingdan:event:${r.id}</id>`,
      `<title>${esc(`${what}：${r.title}（${r.code}）`)}</title>`,
      `<link href="${esc(link)}"/>`,
      `<updated>${r.created_at}</updated>`,
      `<summary>${esc(r.description.slice(0, 300))}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>urn:qingdan:feed:${q.areaId ?? 'all'}:${q.categoryId ?? 'all'}:${q.kind ?? 'all'}</id>`,
    `<title>${esc(title)}</title>`,
    `<updated>${updated}</updated>`,
    ...entries,
    '</feed>',
  ].join('\n');
}
