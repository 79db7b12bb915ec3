import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import type { JobRunner } from './job-runner.js';

const tags = ['jobs'];
const Run = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  holder: Type.String(),
  slot: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  result: Type.Unknown(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

/** Scheduled jobs: what exists, what ran recently, and a way to run one now (admin). */
export const jobRoutes =
  (runner: JobRunner): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/jobs',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Jobs and their recent runs (admin)',
          response: {
            200: Type.Object({
              jobs: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
              runs: Type.Array(Run),
            }),
            ...errors(401, 403),
          },
        },
      },
      async () => {
        const runs = await runner.recentRuns(50);
        return {
          jobs: runner.list().map((j) => ({ name: j.name, description: j.description })),
          runs: runs.map((r) => ({
            id: r.id,
            name: r.name,
            holder: r.holder,
            slot: r.slot,
            status: r.status,
            result: r.result ? JSON.parse(r.result) : null,
            startedAt: r.started_at,
            finishedAt: r.finished_at,
          })),
        };
      },
    );

    app.post(
      '/api/v1/jobs/:name/run',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Run a job now (admin); skipped if another instance is running it',
          params: Type.Object({ name: Type.String({ maxLength: 50 }) }),
          response: {
            200: Type.Object({
              ran: Type.Boolean(),
              reason: Type.Optional(Type.String()),
              runId: Type.Optional(Type.Integer()),
              result: Type.Optional(Type.Unknown()),
            }),
            ...errors(401, 403, 404),
          },
        },
      },
      async (req) => {
        return runner.run(req.params.name);
      },
    );
  };
