import type { MaterialRow, VersionRow } from './matter.repository.js';
import { versionState } from './matter.repository.js';
import type { MatterBriefT, MatterViewT, MaterialViewT } from './matter.schema.js';

export const presentMaterial = (m: MaterialRow): MaterialViewT => ({
  id: m.id,
  seq: m.seq,
  name: m.name,
  form: m.form,
  copies: m.copies,
  required: m.required === 1,
  note: m.note,
});

export function presentBrief(v: VersionRow, materialCount: number, today: string): MatterBriefT {
  return {
    code: v.code,
    version: v.version,
    state: versionState(v, today),
    name: v.name,
    type: v.type,
    department: { id: v.department_id, name: v.department_name },
    promisedDays: v.promised_days,
    statutoryDays: v.statutory_days,
    feeFen: v.fee_fen,
    atMostOnce: v.at_most_once === 1,
    serviceMode: v.service_mode,
    lifeEvents: JSON.parse(v.life_events) as string[],
    materialCount,
  };
}

export function presentMatter(
  v: VersionRow,
  materials: MaterialRow[],
  today: string,
  versions?: VersionRow[],
): MatterViewT {
  return {
    code: v.code,
    versionId: v.id,
    version: v.version,
    state: versionState(v, today),
    name: v.name,
    type: v.type,
    department: { id: v.department_id, name: v.department_name },
    implementingBody: v.implementing_body,
    legalBasis: v.legal_basis,
    conditions: v.conditions,
    audience: v.audience,
    statutoryDays: v.statutory_days,
    promisedDays: v.promised_days,
    feeFen: v.fee_fen,
    feeNote: v.fee_note,
    atMostOnce: v.at_most_once === 1,
    serviceMode: v.service_mode,
    freeServices: JSON.parse(v.free_services) as string[],
    lifeEvents: JSON.parse(v.life_events) as string[],
    effectiveFrom: v.effective_from,
    effectiveTo: v.effective_to,
    materials: materials.map(presentMaterial),
    ...(versions && {
      versions: versions.map((x) => ({
        id: x.id,
        version: x.version,
        state: versionState(x, today),
        effectiveFrom: x.effective_from,
        effectiveTo: x.effective_to,
        publishedAt: x.published_at,
      })),
    }),
  };
}
