import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Clock } from '../shared/time.js';
import { AppError, say } from '../errors.js';
import { constraintViolation } from '../db/dialect.js';
import type { Actor } from '../auth/actor.js';
import type { CreateProblemInput } from './problem.schema.js';
import type { ProblemService } from './problem.service.js';
import { findIdempotent, saveIdempotent } from './problem.repository.js';
import { idempotencyRowKey, openReply, sealReply } from './idempotent-reply.js';

type Created = Awaited<ReturnType<ProblemService['create']>>;
export type Submitted = { reply: Pick<Created, 'problem' | 'trackingToken' | 'shortCode'>; replayed: boolean };

const requestHash = (body: unknown) =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');

/**
 * Reporting with an Idempotency-Key: the first request creates the item and stores its answer in
 * the same transaction; a retry with the same key and body gets that answer again (a different
 * body is a conflict), so a client that lost the response can safely send again.
 */
export function idempotentSubmit(db: Db, problems: ProblemService, clock: Clock) {
  return async function submit(
    actor: Actor,
    input: CreateProblemInput,
    /** The caller and its key, e.g. "ip:1.2.3.4:<key>"; absent, nothing is remembered. */
    scopedKey: string | null,
  ): Promise<Submitted> {
    if (!scopedKey) {
      const { problem, trackingToken, shortCode } = await problems.create(actor, input);
      return { reply: { problem, trackingToken, shortCode }, replayed: false };
    }
    const rowKey = idempotencyRowKey(scopedKey);
    const hash = requestHash(input);
    const prior = await findIdempotent(db, rowKey);
    if (prior) {
      if (prior.request_hash !== hash) {
        throw new AppError(
          'idempotency_conflict',
          say('该幂等键已用于另一个请求', 'this Idempotency-Key was used for a different request'),
        );
      }
      return { reply: openReply(scopedKey, prior.response), replayed: true };
    }
    try {
      const { problem, trackingToken, shortCode } = await problems.create(actor, input, async (trx, response) => {
        await saveIdempotent(trx, {
          key: rowKey,
          request_hash: hash,
          status_code: 201,
          response: sealReply(scopedKey, response as { trackingToken: string }),
          created_at: clock().toISOString(),
        });
      });
      return { reply: { problem, trackingToken, shortCode }, replayed: false };
    } catch (err) {
      // A concurrent retry with the same key won the race: answer with its stored result.
      if (constraintViolation(err) === 'unique') {
        const won = await findIdempotent(db, rowKey);
        if (won && won.request_hash === hash) return { reply: openReply(scopedKey, won.response), replayed: true };
      }
      throw err;
    }
  };
}
