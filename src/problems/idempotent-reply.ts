import crypto from 'node:crypto';
import { digest } from '../auth/secrets.js';

/**
 * A stored idempotent reply holds the tracking token, which everywhere else exists only as a
 * digest. The stored copy is sealed with a key derived from the client's scoped Idempotency-Key,
 * which is itself stored only as a digest: a leaked idempotency table yields no usable token, and
 * only the client that retries with the same key gets the same answer back.
 */
type Reply = { trackingToken: string } & Record<string, unknown>;

const keyOf = (scoped: string) => crypto.createHmac('sha256', scoped).update('qingdan idempotent reply v1').digest();

/** The row key: a digest, so the table does not reveal the keys clients chose. */
export const idempotencyRowKey = (scoped: string) => digest(`idempotency:${scoped}`);

export function sealReply(scoped: string, reply: Reply): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyOf(scoped), iv);
  const sealed = Buffer.concat([cipher.update(reply.trackingToken, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url'));
  const token = `sealed:${parts.join('.')}`;
  return JSON.stringify({ ...reply, trackingToken: token });
}

// Typed like the JSON.parse it replaces: the stored reply is the route's own 201 body.
export function openReply(scoped: string, stored: string): any {
  const reply = JSON.parse(stored) as Reply;
  const m = /^sealed:([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(reply.trackingToken);
  if (!m) return reply;
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyOf(scoped), Buffer.from(m[1], 'base64url'));
  decipher.setAuthTag(Buffer.from(m[2], 'base64url'));
  const token = Buffer.concat([decipher.update(Buffer.from(m[3], 'base64url')), decipher.final()]).toString('utf8');
  return { ...reply, trackingToken: token };
}
