import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults and is frozen', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      demo: false,
      codePrefix: 'JZ',
      timezone: 'Asia/Shanghai',
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL/],
    ['QINGDAN_DEMO', 'maybe', /QINGDAN_DEMO/],
    ['QINGDAN_CODE_PREFIX', 'jz-1', /QINGDAN_CODE_PREFIX/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['QINGDAN_TIMEZONE', 'Mars/Olympus', /QINGDAN_TIMEZONE/],
  ])('refuses %s=%s with a message naming it', (name, value, pattern) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(pattern);
  });

  it('refuses the demo in production and a cluster without PostgreSQL', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', QINGDAN_DEMO: '1' })).toThrow(/QINGDAN_DEMO is refused/);
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/QINGDAN_AUDIT_KEY/);
    expect(parseConfig({ NODE_ENV: 'production', QINGDAN_AUDIT_KEY_FILE: '/run/secrets/audit.key' })).toMatchObject({
      production: true,
      demo: false,
      auditKeyFile: '/run/secrets/audit.key',
    });
    expect(() => parseConfig({ QINGDAN_CLUSTER: '1' })).toThrow(/QINGDAN_CLUSTER=1 needs DATABASE_URL/);
    const c = parseConfig({ QINGDAN_CLUSTER: '1', DATABASE_URL: 'postgres://db/qingdan' });
    expect(c.clustered).toBe(true);
  });

  it('trusts only the named proxies, never every forwarded address', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ QINGDAN_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ QINGDAN_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => parseConfig({ QINGDAN_TRUST_PROXY: 'true' })).toThrow(/must name the proxies/);
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2', '::1/129'])
      expect(() => parseConfig({ QINGDAN_TRUST_PROXY: bad })).toThrow(/not an IP address or CIDR/);
  });

  it('reads the documented variables', () => {
    const c = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h/db',
      QINGDAN_DEMO: 'true',
      QINGDAN_DATA_DIR: '/tmp/q',
      QINGDAN_ATTACHMENTS: 'database',
    });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h/db', demo: true, dataDir: '/tmp/q' });
    expect(c.attachments).toBe('database');
    expect(parseConfig({}).attachments).toBe('local');
    expect(() => parseConfig({ QINGDAN_ATTACHMENTS: 'nfs' })).toThrow(/local, database or s3/);
  });
});
