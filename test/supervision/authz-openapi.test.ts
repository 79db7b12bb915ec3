import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at } from './helpers.js';

const DIALECTS = await dialects();
const WHO = [null, 'admin', 'shouli', 'ducha', 'shuji', 'chengguan', 'jiaoyu'] as const;
type Who = (typeof WHO)[number];
type Expect = Partial<Record<Exclude<Who, null> | 'anonymous', number>>;

describe.each(DIALECTS)('who may call the supervision API (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
    at(t, '2026-11-02');
    code = (await assignedItem(t, { deadline: '2026-11-30' })).code;
  });
  afterAll(async () => {
    await t.close();
  });

  async function expectStatuses(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: () => string,
    payload: (() => unknown) | undefined,
    expected: Expect,
  ) {
    const got: Expect = {};
    for (const who of WHO) {
      const key = who ?? 'anonymous';
      if (!(key in expected)) continue;
      const res = await t.as(who, { method, url: url(), ...(payload && { payload: payload() as object }) });
      got[key] = res.statusCode;
    }
    expect({ method, url: url(), got }).toEqual({ method, url: url(), got: expected });
  }

  it('item supervision: staff read, the lead unit and oversight plan, other units see nothing', async () => {
    await expectStatuses('GET', () => `/api/v1/problems/${code}/supervision`, undefined, {
      anonymous: 401,
      admin: 200,
      shouli: 200,
      ducha: 200,
      shuji: 200,
      chengguan: 200,
      jiaoyu: 404,
    });
    await expectStatuses(
      'PUT',
      () => `/api/v1/problems/${code}/milestones`,
      () => ({ milestones: [{ name: '整改', dueDate: '2026-11-30', weight: 1 }] }),
      { anonymous: 401, admin: 200, shouli: 403, ducha: 200, shuji: 403, chengguan: 200, jiaoyu: 404 },
    );
    await expectStatuses(
      'POST',
      () => `/api/v1/problems/${code}/milestones/template`,
      () => ({ template: 'quick' }),
      { anonymous: 401, shouli: 403, shuji: 403, jiaoyu: 404, chengguan: 200 },
    );
    await expectStatuses('GET', () => `/api/v1/problems/${code}/extensions`, undefined, {
      anonymous: 401,
      shouli: 200,
      shuji: 200,
      chengguan: 200,
      jiaoyu: 404,
    });
    await expectStatuses(
      'POST',
      () => `/api/v1/problems/${code}/extensions`,
      () => ({ reason: '需协调', requestedDeadline: '2026-12-15' }),
      { anonymous: 401, shouli: 403, shuji: 403, jiaoyu: 404, chengguan: 201 },
    );
    const ext = (await t.as('ducha', { method: 'GET', url: `/api/v1/problems/${code}/extensions` })).json().items[0].id;
    await expectStatuses(
      'POST',
      () => `/api/v1/problems/${code}/extensions/${ext}/decision`,
      () => ({ decision: 'grant' }),
      { anonymous: 401, shouli: 403, shuji: 403, chengguan: 403, jiaoyu: 403, ducha: 200 },
    );
  });

  it('boards, records and actions', async () => {
    await expectStatuses('GET', () => '/api/v1/supervision/warnings', undefined, {
      anonymous: 401,
      admin: 200,
      shouli: 200,
      ducha: 200,
      shuji: 200,
      chengguan: 200,
      jiaoyu: 200,
    });
    await expectStatuses('GET', () => '/api/v1/supervision/intake-clock', undefined, {
      anonymous: 401,
      admin: 200,
      shouli: 200,
      ducha: 200,
      shuji: 403,
      chengguan: 403,
    });
    await expectStatuses('GET', () => '/api/v1/supervision/todo', undefined, {
      anonymous: 401,
      chengguan: 200,
      ducha: 200,
    });
    await expectStatuses('GET', () => '/api/v1/supervision/leader/items', undefined, {
      anonymous: 401,
      shuji: 200,
      ducha: 400,
      shouli: 403,
      chengguan: 403,
    });
    await expectStatuses('GET', () => `/api/v1/supervision/leader/items?leaderId=${t.ids.users.shuji}`, undefined, {
      ducha: 200,
      admin: 200,
    });
    await expectStatuses('GET', () => `/api/v1/supervision/departments/${t.ids.departments.urban}/record`, undefined, {
      anonymous: 401,
      admin: 200,
      shouli: 200,
      ducha: 200,
      shuji: 200,
      chengguan: 200,
      jiaoyu: 403,
    });
    await expectStatuses(
      'POST',
      () => '/api/v1/supervision/actions',
      () => ({
        kind: 'summons',
        departmentId: t.ids.departments.urban,
        text: '约谈城管委主要负责人',
        people: ['城管委主任'],
      }),
      { anonymous: 401, admin: 201, shouli: 403, ducha: 201, shuji: 201, chengguan: 403, jiaoyu: 403 },
    );
    await expectStatuses('GET', () => '/api/v1/supervision/actions', undefined, {
      anonymous: 401,
      ducha: 200,
      chengguan: 200,
    });
    await expectStatuses('GET', () => '/api/v1/supervision/plan-templates', undefined, {
      anonymous: 401,
      chengguan: 200,
    });
    await expectStatuses('GET', () => '/api/v1/supervision/time-limits', undefined, {
      anonymous: 401,
      shouli: 200,
      chengguan: 200,
    });
    await expectStatuses(
      'PUT',
      () => '/api/v1/supervision/time-limits',
      () => ({}),
      { anonymous: 401, admin: 200, ducha: 403, shouli: 403 },
    );
    // A summons on the unit reaches its staff.
    const inbox = (await t.as('chengguan', { method: 'GET', url: '/api/v1/notifications' })).json().items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'summons')).toBe(true);
    const record = (
      await t.as('chengguan', {
        method: 'GET',
        url: `/api/v1/supervision/departments/${t.ids.departments.urban}/record`,
      })
    ).json();
    expect(record.actions.filter((a: { kind: string }) => a.kind === 'summons').length).toBeGreaterThanOrEqual(1);
  });

  it('calendar, notifications, jobs, assessment and statistics', async () => {
    await expectStatuses('GET', () => '/api/v1/calendar/2026', undefined, { anonymous: 200 });
    await expectStatuses(
      'PUT',
      () => '/api/v1/calendar/2030',
      () => ({ daysOff: [], adjustedWorkdays: [] }),
      { anonymous: 401, admin: 200, ducha: 403, chengguan: 403 },
    );
    await expectStatuses('GET', () => '/api/v1/notifications', undefined, {
      anonymous: 401,
      admin: 200,
      chengguan: 200,
      shuji: 200,
    });
    await expectStatuses('GET', () => '/api/v1/jobs', undefined, {
      anonymous: 401,
      admin: 200,
      ducha: 403,
      chengguan: 403,
    });
    await expectStatuses('POST', () => '/api/v1/jobs/warnings/run', undefined, {
      anonymous: 401,
      admin: 200,
      ducha: 403,
    });
    await expectStatuses('POST', () => '/api/v1/jobs/nonsense/run', undefined, { admin: 404 });
    await expectStatuses('GET', () => '/api/v1/assessment/rankings?month=2026-10', undefined, {
      anonymous: 200,
      chengguan: 200,
    });
    await expectStatuses('GET', () => '/api/v1/assessment/scorecard?month=2026-10', undefined, {
      anonymous: 401,
      chengguan: 200,
      shuji: 200,
    });
    await expectStatuses(
      'POST',
      () => '/api/v1/assessment/settlements',
      () => ({ month: '2026-10' }),
      { anonymous: 401, chengguan: 403, shouli: 403, shuji: 403, admin: 201, ducha: 409 },
    ); // asked in this order: admin first
    await expectStatuses('GET', () => '/api/v1/stats/summary', undefined, { anonymous: 200, chengguan: 200 });
  });

  it('documents every endpoint in the OpenAPI document', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    const expected: Record<string, string[]> = {
      '/api/v1/problems/{code}/supervision': ['get', 'patch'],
      '/api/v1/problems/{code}/milestones': ['get', 'put'],
      '/api/v1/problems/{code}/milestones/template': ['post'],
      '/api/v1/problems/{code}/milestones/{id}/done': ['post'],
      '/api/v1/problems/{code}/extensions': ['get', 'post'],
      '/api/v1/problems/{code}/extensions/{id}/decision': ['post'],
      '/api/v1/supervision/warnings': ['get'],
      '/api/v1/supervision/todo': ['get'],
      '/api/v1/supervision/intake-clock': ['get'],
      '/api/v1/supervision/leader/items': ['get'],
      '/api/v1/supervision/departments/{id}/record': ['get'],
      '/api/v1/supervision/actions': ['get', 'post'],
      '/api/v1/supervision/plan-templates': ['get'],
      '/api/v1/supervision/time-limits': ['get', 'put'],
      '/api/v1/supervision/time-limits/deadline': ['get'],
      '/api/v1/calendar': ['get'],
      '/api/v1/calendar/{year}': ['get', 'put', 'delete'],
      '/api/v1/calendar/working-days': ['get'],
      '/api/v1/notifications': ['get'],
      '/api/v1/notifications/unread-count': ['get'],
      '/api/v1/notifications/read': ['post'],
      '/api/v1/jobs': ['get'],
      '/api/v1/jobs/{name}/run': ['post'],
      '/api/v1/stats/summary': ['get'],
      '/api/v1/stats/trend': ['get'],
      '/api/v1/stats/monthly-report': ['get'],
      '/api/v1/assessment/rankings': ['get'],
      '/api/v1/assessment/scorecard': ['get'],
      '/api/v1/assessment/settlements': ['get', 'post'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      for (const m of methods) {
        const op = doc.paths[path]?.[m];
        expect({
          path,
          m,
          documented: Boolean(op),
          tagged: Boolean(op?.tags?.length),
          summary: Boolean(op?.summary),
        }).toEqual({ path, m, documented: true, tagged: true, summary: true });
      }
    }
  });
});
