/**
 * POST /requests: an Open311 client files an item. Everything is checked before anything is
 * written, and every problem with the request is reported at once; the item then enters the
 * normal lifecycle (submitted, awaiting triage) with source "open311", created by the client's
 * API key, its answers stored by the questions hook inside the same transaction.
 */
import { appendEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import crypto from 'node:crypto';
import { isStaff } from '../auth/actor.js';
import type { Open311Deps } from './open311.feature.js';
import { toDefinitions } from '../questions/question-rules.js';
import type { CreateProblemInput } from '../problems/problem.schema.js';
import type { AttributeAnswer } from './attributes.js';
import { badRequest, ErrorList, forbidden311, Open311Error, text } from './errors.js';
import { resolveJurisdiction } from './jurisdictions.js';
import { submitNotice } from './open311-notes.js';
import * as repo from './open311.repository.js';
import type { Open311Call, Open311Service } from './open311.service.js';
import { optionalParam, type RawParams } from './params.js';
import { parsePostRequest, type PostRequestInput } from './post-params.js';
import { presentPostResponse } from './presenters.js';

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^[0-9+()\- ]+$/;
const CJK = /[\u3400-\u9fff]/;

/** Contact and client fields, checked to the native API's limits (they land in the same columns). */
function checkContact(params: RawParams, errors: ErrorList): void {
  const limit = (name: string, max: number) => {
    const v = optionalParam(params, name);
    if (v !== undefined && [...v].length > max)
      errors.add(`${name} 不得超过 ${max} 个字符`, `${name} must be at most ${max} characters`, name);
    return v;
  };
  const email = limit('email', 200);
  if (email !== undefined && !EMAIL.test(email))
    errors.add('email 格式不正确', 'email is not a valid e-mail address', 'email');
  const phone = limit('phone', 40);
  if (phone !== undefined && !PHONE.test(phone))
    errors.add('phone 只能包含数字、空格和 +()-', 'phone may contain only digits, spaces and +()-', 'phone');
  for (const name of ['first_name', 'last_name']) limit(name, 50);
  for (const name of ['account_id', 'device_id']) limit(name, 200);
}

/** Chinese names read family name first (王 + 小明 → 王小明); others "first last". */
export function reporterName(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined;
  if (first && last) return CJK.test(first + last) ? `${last}${first}` : `${first} ${last}`;
  return first ?? last;
}

function titleOf(service: string, description: string | undefined): string {
  const firstLine = description
    ?.split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!firstLine) return service;
  const points = [...firstLine];
  return `${service}：${points.length > 40 ? `${points.slice(0, 40).join('')}…` : firstLine}`;
}

const nativeAnswers = (answers: AttributeAnswer[] | undefined) =>
  Object.fromEntries((answers ?? []).map((a) => [a.code, a.value]));

/**
 * A client picks its own service_code; the acceptance desk sees beside it what the model learned
 * from the city's triage would pick (an internal timeline entry, never in the Open311 answers).
 */
async function recordSuggestion(
  trx: Db,
  deps: Open311Deps,
  problemId: number,
  input: CreateProblemInput,
  chosen: string,
) {
  const s = await deps.suggest?.(`${input.title}\n${input.description}`);
  if (!s?.categories.length) return;
  await appendEvent(trx, {
    problemId,
    action: 'dispatch_suggested',
    actorId: null,
    actorName: 'system',
    role: 'system',
    fromState: 'submitted',
    toState: 'submitted',
    payload: { clientCategoryName: chosen, suggestedCategories: s.categories, suggestedDepartments: s.departments },
    reason: null,
    isPublic: false,
    createdAt: deps.clock().toISOString(),
  });
}

export function open311Submit(deps: Open311Deps, reads: Open311Service) {
  const { db, config, questions } = deps;

  return async function submit(call: Open311Call) {
    const { params } = call;
    const jurisdiction = resolveJurisdiction(params, config.open311Jurisdictions);
    if (optionalParam(params, 'api_key') === undefined && call.headerKey === undefined) {
      throw forbidden311(text('缺少 api_key', 'api_key is required'));
    }
    const key = (await reads.client(call))!;
    // The same per-client limit as the native form: Open311 is not a way around it.
    if (!isStaff(key.actor)) await deps.rateLimiter.hit('submit', `api_key:${key.id}`, config.publicSubmitPerMinute);

    const serviceCode = optionalParam(params, 'service_code');
    const category = serviceCode === undefined ? undefined : await reads.leafByCode(serviceCode);
    if (serviceCode !== undefined && !category) {
      throw badRequest(
        text(
          `未知的 service_code "${serviceCode}"`,
          `service_code "${serviceCode}" is not a service of this jurisdiction`,
        ),
      );
    }
    const asked = category ? await questions.questionsOf(category.id) : [];
    const errors = new ErrorList();
    checkContact(params, errors);
    let parsed: PostRequestInput | undefined;
    try {
      parsed = parsePostRequest(params, toDefinitions(asked));
    } catch (err) {
      if (!(err instanceof Open311Error) || err.status !== 400) throw err;
      for (const m of err.messages) errors.add(m.zh, m.en, m.field);
    }
    errors.throwIfAny();
    const req = parsed!;

    const areaIds = await reads.areaIdsOf(jurisdiction);
    let areaId: number | null = null;
    if (req.location.kind === 'address_id') {
      const area = await repo.areaByCode(db, req.location.addressId);
      if (!area || (areaIds !== null && !areaIds.includes(area.id))) {
        throw badRequest(
          text(
            `address_id "${req.location.addressId}" 不是本辖区的区域编码`,
            `address_id "${req.location.addressId}" is not an area code of this jurisdiction`,
          ),
        );
      }
      areaId = area.id;
    } else if (jurisdiction.areaCode !== null) {
      areaId = (await repo.areaByCode(db, jurisdiction.areaCode))?.id ?? null;
    }

    const name = category!.name;
    const input: CreateProblemInput = {
      title: titleOf(name, req.description),
      description: req.description ?? `${name}（Open311 客户端上报，未填写描述）`,
      categoryId: category!.id,
      areaId,
      address: req.location.kind === 'address' ? req.location.address : null,
      lat: req.location.kind === 'point' ? req.location.lat : null,
      lng: req.location.kind === 'point' ? req.location.long : null,
      reporter: Object.fromEntries(
        Object.entries({
          name: reporterName(req.firstName, req.lastName),
          phone: req.phone,
          email: req.email,
        }).filter(([, v]) => v !== undefined),
      ),
      sourceCode: 'open311',
      answers: nativeAnswers(req.answers),
    };
    await repo.ensureOpen311Source(db);
    const lookupToken = `o311_${crypto.randomBytes(12).toString('hex')}`;
    // Stored in the creating transaction: an item never exists without knowing its client.
    const created = await deps.problems.create(key.actor, input, async (trx, response) => {
      const { code } = (response as { problem: { code: string } }).problem;
      const problemId = (
        await trx.selectFrom('problems').select('id').where('code', '=', code).executeTakeFirstOrThrow()
      ).id;
      await recordSuggestion(trx, deps, problemId, input, name);
      await repo.insertOpen311Request(trx, {
        problem_id: problemId,
        api_key_id: key.id,
        jurisdiction_id: jurisdiction.id,
        account_id: req.accountId ?? null,
        device_id: req.deviceId ?? null,
        media_url: req.mediaUrl ?? null,
        created_at: deps.clock().toISOString(),
        token: lookupToken,
      });
    });
    return presentPostResponse(created.problem.code, {
      serviceNotice: submitNotice(call.lang),
      accountId: req.accountId,
      token: lookupToken,
    });
  };
}
