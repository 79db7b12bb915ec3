/**
 * Qingdan rows → the plain inputs of the pure presenters (types.ts). Only named public fields are
 * copied: reporter contact, tracking token, staff names and internal events have no way through.
 */
import type { Db } from '../db/database.js';
import type { Action, State } from '../lifecycle/lifecycle.js';
import type { ProblemRow } from '../problems/problem.repository.js';
import { eventText, stateNotice } from './open311-notes.js';
import * as repo from './open311.repository.js';
import type { Lang, Open311EventInput, Open311ProblemInput } from './types.js';

const payloadOf = (raw: string): Record<string, unknown> => {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

const textOf = (e: repo.UpdateRow, lang: Lang) => eventText(e.action, payloadOf(e.payload), e.reason, lang);

/** Absolute URLs: Open311 clients live elsewhere and cannot resolve a path. */
const attachmentUrl = (baseUrl: string, id: number) => `${baseUrl}/api/v1/attachments/${id}`;

const named = (r: { code: string; name: string; name_en: string | null } | undefined) =>
  r ? { code: r.code, name: r.name, nameEn: r.name_en } : null;

export async function problemInputs(
  db: Db,
  rows: ProblemRow[],
  opts: { baseUrl: string; lang: Lang },
): Promise<Open311ProblemInput[]> {
  const ids = rows.map((r) => r.id);
  const [names, events, photos, open311] = await Promise.all([
    repo.referenceNames(db),
    repo.publicEventsOf(db, ids),
    repo.publicPhotos(db, ids),
    repo.open311RowsOf(db, ids),
  ]);
  // Events come oldest first, so the last one with words is the latest public note.
  const notes = new Map<number, string>();
  for (const e of events) {
    const t = textOf(e, opts.lang);
    if (t) notes.set(e.problem_id, t);
  }
  const photo = new Map<number, number>();
  for (const p of photos) if (!photo.has(p.problem_id)) photo.set(p.problem_id, p.id);
  return rows.map((r) => {
    const dept = r.lead_department_id === null ? undefined : names.departments.get(r.lead_department_id);
    const photoId = photo.get(r.id);
    return {
      code: r.code,
      status: r.status as State,
      category: named(r.category_id === null ? undefined : names.categories.get(r.category_id)),
      description: r.description,
      latestPublicNote: notes.get(r.id) ?? null,
      leadDepartment: dept ? { name: dept.name, nameEn: dept.name_en } : null,
      deadline: r.deadline,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      address: r.address,
      area: named(r.area_id === null ? undefined : names.areas.get(r.area_id)),
      lat: r.lat,
      lng: r.lng,
      mediaUrl: photoId !== undefined ? attachmentUrl(opts.baseUrl, photoId) : (open311.get(r.id)?.media_url ?? null),
      serviceNotice: stateNotice(r.status, opts.lang),
    };
  });
}

export async function eventInputs(
  db: Db,
  rows: repo.UpdateRow[],
  opts: { baseUrl: string; lang: Lang },
): Promise<Open311EventInput[]> {
  const photos = await repo.publicPhotos(db, [...new Set(rows.map((r) => r.problem_id))]);
  const byEvent = new Map<number, number>();
  for (const p of photos) if (p.event_id !== null && !byEvent.has(p.event_id)) byEvent.set(p.event_id, p.id);
  return rows.map((e) => {
    const photoId = byEvent.get(e.id);
    return {
      id: e.id,
      problemCode: e.code,
      action: e.action as Action,
      fromState: e.from_state as State | null,
      toState: e.to_state as State | null,
      text: textOf(e, opts.lang),
      createdAt: e.created_at,
      isPublic: true,
      mediaUrl: photoId !== undefined ? attachmentUrl(opts.baseUrl, photoId) : null,
    };
  });
}

/**
 * What anyone may read of a request that awaits triage: its id, status (open), service and times.
 * Nothing the acceptance centre has not yet reviewed for publication: no description, address,
 * position, photo or contact — the submitting client reads those back with its api_key.
 */
export function awaitingTriageInput(p: Open311ProblemInput): Open311ProblemInput {
  return {
    code: p.code,
    status: p.status,
    category: p.category,
    description: '',
    latestPublicNote: null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    serviceNotice: p.serviceNotice,
  };
}
