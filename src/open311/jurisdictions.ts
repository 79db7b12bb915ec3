/**
 * The jurisdictions this server answers for, from QINGDAN_OPEN311_JURISDICTIONS: a comma list of
 * ids, each optionally scoped to an area subtree with `=AREA_CODE`:
 *
 *   QINGDAN_OPEN311_JURISDICTIONS=jingzhou.gov.cn,shashi.jingzhou.gov.cn=jz-ss
 *
 * A city-wide id sees every public item; an area-scoped one (a district's own 311 app) sees the
 * items of its area and files new ones there. With one jurisdiction jurisdiction_id may be left
 * out (the spec); with several it is required; an unknown one is a 404.
 */
import { badRequest, notFound311, text } from './errors.js';
import { optionalParam, type RawParams } from './params.js';

export interface Jurisdiction {
  id: string;
  /** Area code of the subtree this jurisdiction covers; null: the whole city. */
  areaCode: string | null;
}

export const DEFAULT_JURISDICTIONS = 'jingzhou.gov.cn';

// Domain-like ids as the spec suggests ("the city's domain"), plus plain words.
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const AREA = /^[A-Za-z0-9_.-]{1,50}$/;

/** Parses the setting; throws a plain Error naming the bad entry (config turns it into ConfigError). */
export function parseJurisdictions(raw: string | undefined): readonly Jurisdiction[] {
  const source = raw === undefined || raw.trim() === '' ? DEFAULT_JURISDICTIONS : raw;
  const out: Jurisdiction[] = [];
  for (const entry of source
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const [id, areaCode, extra] = entry.split('=').map((p) => p.trim());
    if (!ID.test(id) || extra !== undefined || (areaCode !== undefined && !AREA.test(areaCode))) {
      throw new Error(`QINGDAN_OPEN311_JURISDICTIONS: "${entry}" is not "id" or "id=areaCode"`);
    }
    if (out.some((j) => j.id === id)) throw new Error(`QINGDAN_OPEN311_JURISDICTIONS: "${id}" is listed twice`);
    out.push({ id, areaCode: areaCode ?? null });
  }
  if (out.length === 0) throw new Error('QINGDAN_OPEN311_JURISDICTIONS lists no jurisdiction');
  return Object.freeze(out.map((j) => Object.freeze(j)));
}

/** The jurisdiction a request is for, from its jurisdiction_id parameter. */
export function resolveJurisdiction(params: RawParams, jurisdictions: readonly Jurisdiction[]): Jurisdiction {
  const given = optionalParam(params, 'jurisdiction_id');
  if (given === undefined) {
    if (jurisdictions.length === 1) return jurisdictions[0];
    const ids = jurisdictions.map((j) => j.id).join(', ');
    throw badRequest(text(`缺少 jurisdiction_id（可选：${ids}）`, `jurisdiction_id is required (one of: ${ids})`));
  }
  // Ids are domain names in practice, which are case-insensitive.
  const found = jurisdictions.find((j) => j.id.toLowerCase() === given.toLowerCase());
  if (!found)
    throw notFound311(text(`未找到辖区 jurisdiction_id "${given}"`, `jurisdiction_id "${given}" was not found`));
  return found;
}
