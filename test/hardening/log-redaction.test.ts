import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { redactUrl } from '../../src/http/redact-url.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';

/** Finding 17 of issue #16: tracking tokens and API keys in request URLs must not reach the logs. */
describe('request log redaction', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    const config = parseConfig({}, { dataDir: tdb.dataDir, logLevel: 'info', webDir: '/nonexistent' });
    // Every line pino would write goes to `lines` instead of stdout.
    const streamWrite = (s: string) => {
      lines.push(s);
      return '';
    };
    app = await buildApp(config, { db: tdb.db, logger: { hooks: { streamWrite } } });
  });
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
  });

  it('logs the path of a request but not its token, API key or personal data', async () => {
    const secret = 'tk_SECRET_0123456789abcdef';
    await app.inject({ method: 'GET', url: `/api/v1/problems/QD-2026-000001?token=${secret}` });
    await app.inject({ method: 'GET', url: `/open311/v2/requests.json?api_key=${secret}&status=open` });
    await app.inject({ method: 'GET', url: `/api/v1/problems?Phone=13800138000&q=${secret.slice(0, 2)}` });
    const logged = lines.join('');
    expect(logged).toContain('/api/v1/problems/QD-2026-000001?token=[redacted]');
    expect(logged).toContain('api_key=[redacted]&status=open');
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain('13800138000');
  });

  it('never logs the S3 secret access key, however the settings are logged', () => {
    const s3 = { bucket: 'qingdan', accessKeyId: 'AKID', secretAccessKey: 'S3_SECRET_0123456789' };
    app.log.info({ s3 }, 'attachments');
    app.log.info({ config: { attachments: 's3', s3 } }, 'config');
    app.log.info(s3, 'flat');
    const logged = lines.join('');
    expect(logged).toContain('"bucket":"qingdan"');
    expect(logged).not.toContain('S3_SECRET_0123456789');
  });

  it('redacts secret query values and keeps everything else', () => {
    expect(redactUrl('/a/b')).toBe('/a/b');
    expect(redactUrl('/a?token=x&page=2')).toBe('/a?token=[redacted]&page=2');
    expect(redactUrl('/a?%74oken=x')).toBe('/a?%74oken=[redacted]');
    expect(redactUrl('/a?flag&API_KEY=k')).toBe('/a?flag&API_KEY=[redacted]');
    expect(redactUrl('/a?%E0%A4=x')).toBe('/a?%E0%A4=x');
  });
});
