import crypto from 'node:crypto';
import type { Channel, OutgoingMessage } from './channels.js';

/**
 * A signed outgoing webhook, so a city can connect its SMS gateway. The receiver checks
 * `X-Qingdan-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` and rejects old
 * timestamps, which stops both forgery and replay.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  nowMs: number,
  toleranceMs = 5 * 60_000,
): boolean {
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(nowMs - ts * 1000) > toleranceMs) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export function webhookChannel(opts: { url: string; secret: string; timeoutMs?: number; now?: () => Date }): Channel {
  return {
    name: 'webhook',
    // Every staff member is reachable: the gateway maps the user to a phone or rejects.
    address: (r) => String(r.userId),
    async send(_address: string, m: OutgoingMessage) {
      const body = JSON.stringify({
        event: 'notification',
        id: m.notificationId,
        kind: m.kind,
        title: m.title,
        body: m.body,
        problemCode: m.problemCode,
        createdAt: m.createdAt,
        recipient: m.recipient,
      });
      const timestamp = String(Math.floor((opts.now?.() ?? new Date()).getTime() / 1000));
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Qingdan-Webhook/1',
          'x-qingdan-timestamp': timestamp,
          'x-qingdan-signature': signWebhook(opts.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      // Drain the body so the connection is released.
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    },
  };
}
