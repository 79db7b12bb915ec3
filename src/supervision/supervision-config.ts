import { ConfigError } from '../config-error.js';
import { warningThresholds, type WarningThresholds } from './warning-level.js';
import { rateConfig, type RateConfig } from './rates.js';

/**
 * Supervision, notification and job settings from the environment, read once per app and
 * validated like src/config.ts: a bad value stops the server with the variable's name.
 */
export interface SmtpConfig {
  /** nodemailer transport: an smtp:// or smtps:// URL, or host/port/auth. */
  url: string | null;
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
}

export interface SupervisionConfig {
  smtp: SmtpConfig | null;
  webhook: { url: string; secret: string } | null;
  /** ISO weekday (1 = Monday … 7 = Sunday) on which each week's progress report is due. */
  weeklyReportWeekday: number;
  thresholds: WarningThresholds;
  rates: RateConfig;
  /** Run the in-process scheduler when the server listens. */
  jobsEnabled: boolean;
  jobTickSeconds: number;
}

type Env = Record<string, string | undefined>;
const has = (env: Env, k: string) => env[k] !== undefined && env[k] !== '';

function num(env: Env, name: string, def: number, min: number, max: number, integer = true): number {
  if (!has(env, name)) return def;
  const n = Number(env[name]);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new ConfigError(
      `${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got "${env[name]}"`,
    );
  }
  return n;
}

function url(env: Env, name: string, schemes: RegExp): string | null {
  if (!has(env, name)) return null;
  const raw = env[name]!;
  try {
    if (!schemes.test(new URL(raw).protocol)) throw new Error();
  } catch {
    throw new ConfigError(`${name} must be a ${schemes.source} URL, got "${raw}"`);
  }
  return raw;
}

function smtpFrom(env: Env): SmtpConfig | null {
  const smtpUrl = url(env, 'SMTP_URL', /^smtps?:$/);
  if (!smtpUrl && !has(env, 'SMTP_HOST')) return null;
  return {
    url: smtpUrl,
    host: env.SMTP_HOST || null,
    port: num(env, 'SMTP_PORT', 587, 1, 65535),
    secure: /^(1|true|yes|on)$/i.test(env.SMTP_SECURE ?? ''),
    user: env.SMTP_USER || null,
    pass: env.SMTP_PASS || null,
    from: env.SMTP_FROM || 'Qingdan 清单 <noreply@qingdan.local>',
  };
}

function weights(env: Env): RateConfig['weights'] | undefined {
  if (!has(env, 'QINGDAN_RATE_WEIGHTS')) return undefined;
  const parts = env.QINGDAN_RATE_WEIGHTS!.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n < 0) || parts.every((n) => n === 0)) {
    throw new ConfigError(
      'QINGDAN_RATE_WEIGHTS must be three numbers ≥ 0 "response,resolution,satisfaction", ' +
        `got "${env.QINGDAN_RATE_WEIGHTS}"`,
    );
  }
  return { response: parts[0], resolution: parts[1], satisfaction: parts[2] };
}

export function parseSupervisionConfig(env: Env = process.env): SupervisionConfig {
  const webhookUrl = url(env, 'QINGDAN_WEBHOOK_URL', /^https?:$/);
  if (webhookUrl && !has(env, 'QINGDAN_WEBHOOK_SECRET')) {
    throw new ConfigError('QINGDAN_WEBHOOK_URL needs QINGDAN_WEBHOOK_SECRET (the HMAC key the receiver checks)');
  }
  const yellow = num(env, 'QINGDAN_WARN_YELLOW_POINTS', 10, 0, 100, false);
  const red = num(env, 'QINGDAN_WARN_RED_POINTS', 30, 0, 100, false);
  if (yellow > red) throw new ConfigError('QINGDAN_WARN_YELLOW_POINTS must not exceed QINGDAN_WARN_RED_POINTS');
  const basically = num(env, 'QINGDAN_SATISFACTION_BASIC_FACTOR', 0.9, 0, 1, false);
  return Object.freeze({
    smtp: smtpFrom(env),
    webhook: webhookUrl ? { url: webhookUrl, secret: env.QINGDAN_WEBHOOK_SECRET! } : null,
    weeklyReportWeekday: num(env, 'QINGDAN_WEEKLY_REPORT_WEEKDAY', 5, 1, 7),
    thresholds: warningThresholds({
      blueWithinWorkingDays: num(env, 'QINGDAN_WARN_BLUE_DAYS', 3, 0, 60),
      yellowBehindPoints: yellow,
      redBehindPoints: red,
    }),
    rates: rateConfig({ weights: weights(env), satisfactionFactors: { basicallySatisfied: basically } }),
    jobsEnabled: !/^(0|false|no|off)$/i.test(env.QINGDAN_JOBS ?? ''),
    jobTickSeconds: num(env, 'QINGDAN_JOB_TICK_SECONDS', 60, 1, 3600),
  });
}
