import type { Actor } from '../auth/actor.js';
import { AppError, notFound, say } from '../errors.js';
import type { HallRuntime } from './hall-runtime.js';
import * as repo from './application.repository.js';
import type { CaseListQueryT, CaseViewT, NoticeViewT, RegisterInput } from './application.schema.js';
import { caseNotFound, mayRead, mayReadIdentity, sidesOf, tokenMatches } from './application-access.js';
import { presentBrief, presentCase, presentMaterials, publicName } from './application.presenter.js';
import { register } from './application-register.js';
import { act, supply } from './application-actions.js';
import { allowedCaseActions, type CaseAction, type CaseState } from './case-states.js';
import { caseEvent, caseWarningNow } from './case-writes.js';
import { HALL_NAME, type NoticeContent } from './notices.js';
import { renderNoticePdf } from './notice-pdf.js';
import { recordFreeServices } from './free-services.js';
import { RATEABLE } from './rating.service.js';
import type { FreeService } from './vocabulary.js';

/** Applications (办件): registering at any window, the back office's steps, reading and printing. */
export function applicationService(rt: HallRuntime) {
  const db = rt.db;

  async function readable(actor: Actor, number: string) {
    const c = await repo.findCase(db, number);
    if (!c || !mayRead(actor, c)) throw caseNotFound(number);
    return c;
  }

  async function notices(applicationId: number): Promise<NoticeViewT[]> {
    const rows = await db
      .selectFrom('hall_notices')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute();
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      number: n.number,
      createdAt: n.created_at,
      sent: JSON.parse(n.sent) as string[],
      ...(JSON.parse(n.content) as NoticeContent),
    }));
  }

  async function view(actor: Actor, number: string): Promise<CaseViewT> {
    const c = await readable(actor, number);
    const [materials, ns, rating, free] = await Promise.all([
      repo.caseMaterials(db, c.id),
      notices(c.id),
      db
        .selectFrom('hall_ratings as r')
        .leftJoin('problems as p', 'p.id', 'r.problem_id')
        .select(['r.level', 'r.reasons', 'r.comment', 'r.created_at', 'p.code', 'p.status'])
        .where('r.application_id', '=', c.id)
        .executeTakeFirst(),
      db
        .selectFrom('hall_free_services')
        .select(['service', 'quantity', 'unit_fen'])
        .where('application_id', '=', c.id)
        .orderBy('id')
        .execute(),
    ]);
    const sides = sidesOf(actor, c);
    return presentCase(actor, c, {
      materials,
      notices: ns,
      rating: rating
        ? {
            level: rating.level,
            reasons: JSON.parse(rating.reasons) as string[],
            comment: rating.comment,
            createdAt: rating.created_at,
            problemCode: rating.code,
            problemStatus: rating.status,
          }
        : null,
      freeServices: free.map((f) => ({ service: f.service, quantity: f.quantity, unitFen: f.unit_fen })),
      warningReasons: caseWarningNow(rt, c).reasons,
      allowedActions: [...new Set(sides.flatMap((s) => allowedCaseActions(c.status as CaseState, s)))],
    });
  }

  async function filterOf(actor: Actor, q: CaseListQueryT): Promise<repo.CaseFilter> {
    const { status, limit: _l, offset: _o, ...rest } = q;
    let departmentIds = q.departmentId ? [q.departmentId] : undefined;
    if (actor.role === 'department')
      departmentIds = (departmentIds ?? actor.departmentScope).filter((d) => actor.departmentScope.includes(d));
    return { ...rest, statuses: status?.split(','), departmentIds, today: rt.today() };
  }

  return {
    view,
    filterOf,

    async register(actor: Actor, input: RegisterInput) {
      const r = await register(rt, actor, input);
      return { case: await view(actor, r.number), notice: r.notice, trackingToken: r.trackingToken };
    },

    async supply(actor: Actor, number: string, input: Parameters<typeof supply>[3]) {
      await supply(rt, actor, number, input);
      return view(actor, number);
    },

    async act(actor: Actor, number: string, action: CaseAction, input: Parameters<typeof act>[4]) {
      await act(rt, actor, number, action, input);
      return view(actor, number);
    },

    async list(actor: Actor, q: CaseListQueryT) {
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const { rows, total } = await repo.listCases(db, await filterOf(actor, q), limit, offset);
      return {
        items: rows.map(presentBrief),
        total,
        nextOffset: offset + limit < total ? offset + limit : null,
      };
    },

    /**
     * An applicant's cases by ID number or credit code (the window, the departments). The number
     * comes in a request body, never a URL, so no access log holds it.
     */
    async byIdentity(actor: Actor, idNumber: string) {
      const f = await filterOf(actor, {});
      const { rows, total } = await repo.listCases(
        db,
        { ...f, idDigest: rt.pii.digest(idNumber.trim().toUpperCase()) },
        50,
        0,
      );
      return { items: rows.map(presentBrief), total, nextOffset: null };
    },

    /** The ID number itself, for the window and the deciding department; every look is on the chain. */
    async identity(actor: Actor, number: string) {
      const c = await readable(actor, number);
      if (!mayReadIdentity(actor, c))
        throw new AppError(
          'forbidden',
          say('身份证号码仅供窗口和审批部门查看', 'the ID number is for the window and the deciding department'),
        );
      await db
        .transaction()
        .execute((trx) =>
          caseEvent(rt, trx, actor, c, { action: 'identity_viewed', from: null, to: null, isPublic: false }),
        );
      return {
        number: c.number,
        kind: c.applicant_kind,
        name: c.applicant_name,
        idNumber: rt.pii.decrypt(c.id_cipher),
      };
    },

    async timeline(actor: Actor | null, number: string, token?: string) {
      const c = await repo.findCase(db, number);
      const staff = actor !== null && c !== undefined && mayRead(actor, c);
      if (!c || !(staff || tokenMatches(c, token))) throw caseNotFound(number);
      const rows = await db
        .selectFrom('hall_events')
        .select(['id', 'action', 'actor_name', 'role', 'from_state', 'to_state', 'payload', 'is_public', 'created_at'])
        .where('application_id', '=', c.id)
        .$if(!staff, (q) => q.where('is_public', '=', 1))
        .orderBy('id')
        .execute();
      return {
        items: rows.map((e) => ({
          id: e.id,
          action: e.action,
          actorName: staff ? e.actor_name : null,
          fromState: e.from_state,
          toState: e.to_state,
          payload: staff ? (JSON.parse(e.payload) as Record<string, unknown>) : null,
          createdAt: e.created_at,
        })),
      };
    },

    /** What the applicant sees with the number and the token. */
    async publicView(number: string, token: string | undefined) {
      const c = await repo.findCase(db, number);
      if (!c || !tokenMatches(c, token)) throw caseNotFound(number);
      const [materials, ns, rating, events] = await Promise.all([
        repo.caseMaterials(db, c.id),
        notices(c.id),
        db
          .selectFrom('hall_ratings')
          .select(['level', 'created_at'])
          .where('application_id', '=', c.id)
          .executeTakeFirst(),
        db
          .selectFrom('hall_events')
          .select(['action', 'to_state', 'created_at'])
          .where('application_id', '=', c.id)
          .where('is_public', '=', 1)
          .orderBy('id')
          .execute(),
      ]);
      return {
        number: c.number,
        status: c.status as CaseState,
        matter: { code: c.matter_code, name: c.matter_name },
        department: c.department_name,
        applicantName: publicName(c),
        registeredOn: c.registered_on,
        acceptedOn: c.accepted_on,
        dueDate: c.due_date,
        paused: c.paused_since !== null,
        decidedOn: c.decided_on,
        issuedAt: c.issued_at,
        resultMethod: c.result_method,
        missing: presentMaterials(materials)
          .filter((m) => m.state === 'missing')
          .map((m) => m.name),
        notices: ns.map((n) => ({ id: n.id, kind: n.kind, number: n.number, createdAt: n.createdAt })),
        timeline: events.map((e) => ({ action: e.action, toState: e.to_state, at: e.created_at })),
        canRate: RATEABLE.includes(c.status) && !rating,
        rating: rating ? { level: rating.level, createdAt: rating.created_at } : null,
      };
    },

    /** A notice as a PDF, for the case's staff or the applicant with the token. */
    async noticePdf(actor: Actor, number: string, noticeId: number, token?: string) {
      const c = await repo.findCase(db, number);
      const staff = c !== undefined && actor.role !== 'public' && mayRead(actor, c);
      const withToken = c !== undefined && tokenMatches(c, token);
      if (!c || !(staff || withToken)) throw caseNotFound(number);
      const n = await db
        .selectFrom('hall_notices')
        .selectAll()
        .where('id', '=', noticeId)
        .where('application_id', '=', c.id)
        .executeTakeFirst();
      if (!n) throw notFound('notice', noticeId);
      const pdf = await renderNoticePdf(JSON.parse(n.content) as NoticeContent, rt.config.pdfFont, {
        issuer: HALL_NAME,
        token: withToken ? token : undefined,
      });
      return { pdf, filename: `${n.number}.pdf` };
    },

    async freeServices(actor: Actor, number: string, uses: { service: FreeService; quantity: number }[]) {
      const c = await readable(actor, number);
      if (!sidesOf(actor, c).includes('window'))
        throw new AppError('forbidden', say('免费服务由导服台登记', 'the front desk records free services'));
      await db.transaction().execute((trx) => recordFreeServices(rt, trx, actor, c, uses));
      return view(actor, number);
    },
  };
}
