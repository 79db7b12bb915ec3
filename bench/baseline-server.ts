import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CreateProblemBody } from '../src/problems/problem.schema.js';

/**
 * The intake baseline: a bare Fastify server that validates the same body schema as
 * POST /api/v1/problems, with the same parser options, and answers 201 without storing anything.
 * Intake throughput is reported as a ratio to this server, measured in the same run, so the
 * machine's speed and the load from other processes cancel out.
 */
const app = Fastify({
  logger: false,
  bodyLimit: 256 * 1024,
  ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
}).withTypeProvider<TypeBoxTypeProvider>();

app.post('/api/v1/problems', { schema: { body: CreateProblemBody } }, async (_req, reply) =>
  reply.status(201).send({ received: true }),
);

const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`baseline listening on ${address}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void app.close().then(() => process.exit(0)));
