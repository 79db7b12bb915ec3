import { isIP } from 'node:net';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { parseJurisdictions, type Jurisdiction } from './open311/jurisdictions.js';
import { parseSupervisionConfig, type SupervisionConfig } from './supervision/supervision-config.js';
import { parseHallConfig, type HallConfig } from './hall/hall-config.js';
import { parseMapConfig, type MapConfig } from './residents/map-config.js';
import type { AttachmentStorage } from './attachments/blob-store.js';
import type { S3Settings } from './attachments/s3-client.js';
import { parseS3Config } from './attachments/s3-config.js';

/** Configuration is read from the environment once, validated, and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  /**
   * QINGDAN_ATTACHMENTS: `local` files under dataDir (default), or, shared by instances, `database`
   * rows or objects in an `s3` bucket.
   */
  readonly attachments: AttachmentStorage;
  /** QINGDAN_S3_*: the bucket of QINGDAN_ATTACHMENTS=s3 (src/attachments/s3-config.ts); null otherwise. */
  readonly s3: S3Settings | null;
  readonly demo: boolean;
  /** NODE_ENV=production: the compiled build; the demo city (published passwords) is refused. */
  readonly production: boolean;
  /** QINGDAN_CLUSTER: several instances share one database, which must then be PostgreSQL. */
  readonly clustered: boolean;
  readonly codePrefix: string;
  readonly logLevel: string;
  readonly sessionDays: number;
  readonly maxUploadBytes: number;
  readonly maxBodyBytes: number;
  readonly publicSubmitPerMinute: number;
  readonly loginPerMinute: number;
  /** Tracking tokens one address may present a minute (QINGDAN_TOKEN_TRIES_PER_MINUTE). */
  readonly tokenTriesPerMinute: number;
  /** Refused API keys or tokens one address may send a minute before it is shut out for the minute. */
  readonly secretFailuresPerMinute: number;
  /**
   * QINGDAN_TRUST_PROXY: the reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-*`
   * headers are believed; false believes none. Never "any": a client could then pick its own
   * address and step around every per-address limit.
   */
  readonly trustProxy: false | readonly string[];
  readonly webDir: string;
  readonly timezone: string;
  readonly secureCookies: boolean;
  /**
   * QINGDAN_PUBLIC_URL: the address the public reaches this server at, for absolute links in
   * answers (Open311 discovery, media_url). Never taken from a request's Host header, which the
   * caller writes. Default: the listen address.
   */
  readonly publicUrl: string;
  /** QINGDAN_OPEN311_JURISDICTIONS: the Open311 jurisdiction ids served (src/open311/jurisdictions.ts). */
  readonly open311Jurisdictions: readonly Jurisdiction[];
  /** Notifications (SMTP, webhook), warning thresholds, rates and jobs: src/supervision/supervision-config.ts. */
  readonly supervision: SupervisionConfig;
  /** The one-window hall: the ID-number key, the notices' font, the public URL: src/hall/hall-config.ts. */
  readonly hall: HallConfig;
  /** The map's tile source (QINGDAN_TILE_URL …): src/residents/map-config.ts. */
  readonly map: MapConfig;
  /**
   * The audit chain's HMAC key, kept outside the database (src/audit/audit-key.ts): QINGDAN_AUDIT_KEY
   * itself, or else the file QINGDAN_AUDIT_KEY_FILE (default <data dir>/audit.key, generated outside
   * production). Production refuses to start without one of the two set explicitly.
   */
  readonly auditKey: string | null;
  readonly auditKeyFile: string;
}

export { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function trustedProxies(raw: string | undefined): false | readonly string[] {
  if (raw === undefined || /^(|0|false|no|off)$/i.test(raw.trim())) return false;
  if (/^(1|true|yes|on)$/i.test(raw.trim()))
    throw new ConfigError(
      'QINGDAN_TRUST_PROXY must name the proxies (e.g. 127.0.0.1,10.0.0.0/8): trusting every forwarded ' +
        'address lets any client choose its own and escape the per-address limits',
    );
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [addr, bits, extra] = entry.split('/');
    const family = isIP(addr);
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max)))
      throw new ConfigError(`QINGDAN_TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
  }
  return Object.freeze(list);
}

function open311Jurisdictions(env: Env): readonly Jurisdiction[] {
  try {
    return parseJurisdictions(env.QINGDAN_OPEN311_JURISDICTIONS);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

export function parseConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL, got "${databaseUrl}"`);
  }
  const codePrefix = env.QINGDAN_CODE_PREFIX ?? 'JZ';
  if (!/^[A-Z]{1,8}$/.test(codePrefix)) {
    throw new ConfigError(`QINGDAN_CODE_PREFIX must be 1-8 capital letters, got "${codePrefix}"`);
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal,error,warn,info,debug,trace,silent, got "${logLevel}"`);
  }
  const timezone = env.QINGDAN_TIMEZONE ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ConfigError(`QINGDAN_TIMEZONE is not a known time zone: "${timezone}"`);
  }
  const production = env.NODE_ENV === 'production';
  const demo = bool(env, 'QINGDAN_DEMO', false);
  if (production && demo) {
    throw new ConfigError(
      'QINGDAN_DEMO is refused with NODE_ENV=production: the demo accounts share a published password',
    );
  }
  const clustered = bool(env, 'QINGDAN_CLUSTER', false);
  if (clustered && !databaseUrl) {
    // Fail closed: without it every instance would quietly serve its own empty SQLite file.
    throw new ConfigError('QINGDAN_CLUSTER=1 needs DATABASE_URL (PostgreSQL): instances cannot share SQLite');
  }
  const publicUrl = env.QINGDAN_PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl))
    throw new ConfigError(`QINGDAN_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  const auditKey = env.QINGDAN_AUDIT_KEY?.trim() || null;
  if (auditKey && auditKey.length < 32)
    throw new ConfigError('QINGDAN_AUDIT_KEY must be at least 32 characters (e.g. openssl rand -hex 32)');
  const auditKeyFile = env.QINGDAN_AUDIT_KEY_FILE?.trim() || null;
  if (production && !auditKey && !auditKeyFile)
    throw new ConfigError(
      'NODE_ENV=production needs QINGDAN_AUDIT_KEY or QINGDAN_AUDIT_KEY_FILE: ' +
        'the audit key must live outside the database',
    );
  const port = int(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env.QINGDAN_DATA_DIR && env.QINGDAN_DATA_DIR !== '' ? env.QINGDAN_DATA_DIR : './data');
  const attachments = env.QINGDAN_ATTACHMENTS?.trim() || 'local';
  if (attachments !== 'local' && attachments !== 'database' && attachments !== 's3')
    throw new ConfigError(`QINGDAN_ATTACHMENTS must be local, database or s3, got "${attachments}"`);
  const host = env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1';
  const config: Config = {
    port,
    host,
    databaseUrl,
    dataDir,
    attachments,
    s3: attachments === 's3' ? parseS3Config(env) : null,
    demo,
    production,
    clustered,
    codePrefix,
    logLevel,
    sessionDays: int(env, 'QINGDAN_SESSION_DAYS', 7, 1, 365),
    maxUploadBytes: int(env, 'QINGDAN_MAX_UPLOAD_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxBodyBytes: int(env, 'QINGDAN_MAX_BODY_BYTES', 256 * 1024, 1024, 100 * 1024 * 1024),
    publicSubmitPerMinute: int(env, 'QINGDAN_PUBLIC_SUBMIT_PER_MINUTE', 30, 1, 1_000_000),
    loginPerMinute: int(env, 'QINGDAN_LOGIN_PER_MINUTE', 10, 1, 1_000_000),
    tokenTriesPerMinute: int(env, 'QINGDAN_TOKEN_TRIES_PER_MINUTE', 120, 1, 1_000_000),
    secretFailuresPerMinute: int(env, 'QINGDAN_SECRET_FAILURES_PER_MINUTE', 30, 1, 1_000_000),
    trustProxy: trustedProxies(env.QINGDAN_TRUST_PROXY),
    webDir: path.resolve(env.QINGDAN_WEB_DIR ?? 'web/dist'),
    timezone,
    secureCookies: bool(env, 'QINGDAN_SECURE_COOKIES', false),
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    open311Jurisdictions: open311Jurisdictions(env),
    supervision: overrides.supervision ?? parseSupervisionConfig(env),
    hall: overrides.hall ?? parseHallConfig(env),
    map: overrides.map ?? parseMapConfig(env),
    auditKey,
    // Follows a data directory given as an override (tests), so each test city has its own key.
    auditKeyFile: path.resolve(auditKeyFile ?? path.join(overrides.dataDir ?? dataDir, 'audit.key')),
    ...overrides,
  };
  return Object.freeze(config);
}
