import { act, reportProblem, type TestApp } from '../helpers/test-app.js';
import { supervisionFeature } from '../../src/supervision/supervision.feature.js';
import { jobsFeature } from '../../src/jobs/jobs.feature.js';

export const rt = (t: TestApp) => t.kernel.of(supervisionFeature);

/** Report, assign to the city's urban management (城管, user chengguan) and optionally sign for. */
export async function assignedItem(
  t: TestApp,
  opts: { deadline?: string; sign?: boolean; categoryId?: number; body?: Record<string, unknown> } = {},
) {
  const { code, token } = await reportProblem(t, {
    ...(opts.categoryId && { categoryId: opts.categoryId }),
    ...opts.body,
  });
  const res = await act(t, 'shouli', code, 'assign', {
    leadDepartmentId: t.ids.departments.urban,
    ...(opts.deadline && { deadline: opts.deadline }),
  });
  if (res.statusCode !== 200) throw new Error(`assign failed: ${res.body}`);
  if (opts.sign !== false) {
    const s = await act(t, 'chengguan', code, 'sign');
    if (s.statusCode !== 200) throw new Error(`sign failed: ${s.body}`);
  }
  return { code, token };
}

export async function supervision(t: TestApp, code: string, who = 'ducha') {
  const res = await t.as(who, { method: 'GET', url: `/api/v1/problems/${code}/supervision` });
  if (res.statusCode !== 200) throw new Error(`supervision view failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function runJob(t: TestApp, name: string) {
  const out = await t.kernel.of(jobsFeature).runner.run(name);
  if (!out.ran) throw new Error(`job ${name} did not run: ${out.reason}`);
  return out.result;
}

export async function staffTimeline(t: TestApp, code: string) {
  return (await t.as('ducha', { method: 'GET', url: `/api/v1/problems/${code}/timeline` })).json().items as Array<{
    action: string;
    payload: Record<string, unknown>;
  }>;
}

/** Moves the test clock to 10:00 Beijing time on a date. */
export const at = (t: TestApp, date: string, time = '02:00') => t.clock.set(`${date}T${time}:00Z`);
