/**
 * The Open311 reads: discovery, services, service definitions, requests, token lookup and the
 * FixMyStreet updates feed. Everything answers Open311Error on failure; the routes render it.
 */
import { TOTAL_BOUND } from '../problems/problem-list.repository.js';
import type { Open311Deps } from './open311.feature.js';
import type { Actor } from '../auth/actor.js';
import { digest } from '../auth/secrets.js';
import { findApiKeyByHash } from '../users/user.repository.js';
import { subtreeIds } from '../reference/reference.repository.js';
import { toDefinitions } from '../questions/question-rules.js';
import { forbidden311, notFound311, text } from './errors.js';
import { resolveJurisdiction, type Jurisdiction } from './jurisdictions.js';
import { awaitingTriageInput, eventInputs, problemInputs } from './open311-present.js';
import * as repo from './open311.repository.js';
import { DEFAULT_LIMIT, optionalParam, parseRequestsQuery, parseUpdatesQuery, type RawParams } from './params.js';
import {
  presentDiscovery,
  presentRequest,
  presentService,
  presentServiceDefinition,
  presentTokenLookup,
  presentUpdates,
  UNCATEGORISED,
} from './presenters.js';
import { requestWindow } from './request-window.js';
import { statesForOpen311Status } from './status-map.js';
import type { Lang } from './types.js';

/** What a route hands over: the merged parameters and how to write URLs and names. */
export interface Open311Call {
  params: RawParams;
  baseUrl: string;
  lang: Lang;
  /** An X-API-Key header, for clients that send the key as the native API expects it. */
  headerKey?: string;
}

/** The date this API last changed, as discovery's changeset. */
export const CHANGESET = '2026-11-29T23:30:00+08:00';

export function open311Service(deps: Open311Deps) {
  const { db, config, questions } = deps;
  const opts = (call: Open311Call) => ({ timeZone: config.timezone, lang: call.lang });

  /** The calling client, when it names an api_key; a key that is unknown or revoked is a 403. */
  async function client(call: Open311Call): Promise<{ id: number; actor: Actor } | null> {
    const key = optionalParam(call.params, 'api_key') ?? call.headerKey;
    if (key === undefined) return null;
    const row = key.length <= 200 ? await findApiKeyByHash(db, digest(key)) : undefined;
    const actor = row ? await deps.apiKeys.actorFromKey(key) : null;
    if (!row || !actor) throw forbidden311(text('api_key 无效或已吊销', 'api_key is not valid or has been revoked'));
    return { id: row.id, actor };
  }

  /** A jurisdiction's area subtree, looked up per call so area edits apply at once. */
  async function areaIdsOf(j: Jurisdiction): Promise<number[] | null> {
    if (j.areaCode === null) return null;
    const area = await repo.areaByCode(db, j.areaCode);
    if (!area) throw new Error(`QINGDAN_OPEN311_JURISDICTIONS: area "${j.areaCode}" of "${j.id}" does not exist`);
    return subtreeIds(db, 'areas', area.id);
  }

  async function scope(call: Open311Call): Promise<repo.Scope & { jurisdiction: Jurisdiction }> {
    const jurisdiction = resolveJurisdiction(call.params, config.open311Jurisdictions);
    const key = await client(call);
    return { jurisdiction, apiKeyId: key?.id ?? null, areaIds: await areaIdsOf(jurisdiction) };
  }

  /** Asked-for ids the caller may not read in full but that were posted here and await triage. */
  async function awaitingTriage(codes: string[] | undefined, readable: { code: string }[], areaIds: number[] | null) {
    const missing = (codes ?? []).filter((c) => !readable.some((r) => r.code === c));
    return repo.findAwaitingTriage(db, missing, areaIds);
  }

  async function leafByCode(code: string) {
    return (await repo.leafCategories(db)).find((c) => c.code === code);
  }

  /**
   * The requests and how many the query holds in all (exact up to TOTAL_BOUND): the spec caps
   * an answer at 1,000, so the total tells a client that older ones remain (it pages with
   * end_date), where the bare list stopped silently.
   */
  async function requestsPage(call: Open311Call, onlyCode?: string) {
    const s = await scope(call);
    const q = onlyCode !== undefined ? { serviceRequestIds: [onlyCode] } : parseRequestsQuery(call.params);
    const filter: repo.RequestFilter = { apiKeyId: s.apiKeyId, areaIds: s.areaIds, limit: DEFAULT_LIMIT };
    if (q.serviceRequestIds) {
      filter.codes = q.serviceRequestIds.slice(0, DEFAULT_LIMIT);
    } else {
      const window = requestWindow(q, deps.clock());
      Object.assign(filter, { from: window.from, to: window.to });
      if (q.statuses) filter.states = statesForOpen311Status(q.statuses);
      if (q.serviceCodes) {
        const all = await db.selectFrom('categories').select(['id', 'code']).execute();
        const ids = await Promise.all(
          all.filter((c) => q.serviceCodes!.includes(c.code)).map((c) => subtreeIds(db, 'categories', c.id)),
        );
        filter.categoryIds = ids.flat();
        filter.uncategorised = q.serviceCodes.includes(UNCATEGORISED.code);
      }
    }
    const [rows, counted] = await Promise.all([
      repo.findRequests(db, filter),
      filter.codes ? null : repo.countRequests(db, filter, TOTAL_BOUND),
    ]);
    const pending = await awaitingTriage(filter.codes, rows, s.areaIds);
    if (onlyCode !== undefined && rows.length === 0 && pending.length === 0) {
      throw notFound311(text(`未找到服务请求 "${onlyCode}"`, `service request "${onlyCode}" was not found`));
    }
    const inputs = await problemInputs(db, rows, { baseUrl: call.baseUrl, lang: call.lang });
    const minimal = await problemInputs(db, pending, { baseUrl: call.baseUrl, lang: call.lang });
    const data = [...inputs, ...minimal.map(awaitingTriageInput)].map((p) => presentRequest(p, opts(call)));
    const total = counted === null ? null : { total: Math.min(counted, TOTAL_BOUND), exact: counted <= TOTAL_BOUND };
    return { data, total };
  }

  return {
    client,
    areaIdsOf,
    leafByCode,

    discovery(call: Open311Call) {
      const en = call.lang === 'en';
      return presentDiscovery({
        changeset: CHANGESET,
        contact: en
          ? '12345 government service hotline; technical contact: the Qingdan administrator'
          : '12345 政务服务便民热线；技术联系人：清单系统管理员',
        keyService: en
          ? 'Ask the Qingdan administrator for an api_key ' +
            '(qingdan apikey create --name <app>, or POST /api/v1/api-keys)'
          : '向清单系统管理员申请 api_key（qingdan apikey create --name 应用名，或 POST /api/v1/api-keys）',
        endpoints: [{ url: `${call.baseUrl}/open311/v2`, changeset: CHANGESET, type: 'production' }],
      });
    },

    async services(call: Open311Call) {
      resolveJurisdiction(call.params, config.open311Jurisdictions);
      const [leaves, withQuestions] = await Promise.all([repo.leafCategories(db), questions.categoriesWithQuestions()]);
      return leaves.map((c) =>
        presentService(
          {
            code: c.code,
            name: c.name,
            nameEn: c.name_en,
            // The category's keywords route items internally; they are never published (issue #14).
            keywords: null,
            hasQuestions: withQuestions.has(c.id),
            parent: c.parent ? { name: c.parent.name, nameEn: c.parent.name_en } : null,
          },
          call.lang,
        ),
      );
    },

    async definition(call: Open311Call, serviceCode: string) {
      resolveJurisdiction(call.params, config.open311Jurisdictions);
      const category = await leafByCode(serviceCode);
      if (!category)
        throw notFound311(
          text(`未找到服务 service_code "${serviceCode}"`, `service_code "${serviceCode}" was not found`),
        );
      return presentServiceDefinition(
        category.code,
        toDefinitions(await questions.questionsOf(category.id), call.lang),
      );
    },

    async requests(call: Open311Call, onlyCode?: string) {
      return (await requestsPage(call, onlyCode)).data;
    },

    requestsPage,

    /** GET /tokens/{token}: the POST's public token (or a reporter's tracking token) finds its item's id. */
    async token(call: Open311Call, token: string) {
      resolveJurisdiction(call.params, config.open311Jurisdictions);
      const code = token.length <= 200 ? await repo.codeByToken(db, token, digest(token)) : null;
      if (code === null) throw notFound311(text('未找到该 token', 'token was not found'));
      return presentTokenLookup(token, code);
    },

    async updates(call: Open311Call) {
      const s = await scope(call);
      const window = requestWindow(parseUpdatesQuery(call.params), deps.clock());
      const rows = await repo.findUpdates(db, {
        apiKeyId: s.apiKeyId,
        areaIds: s.areaIds,
        ...window,
        limit: DEFAULT_LIMIT,
      });
      return presentUpdates(await eventInputs(db, rows, { baseUrl: call.baseUrl, lang: call.lang }), opts(call));
    },
  };
}

export type Open311Service = ReturnType<typeof open311Service>;
