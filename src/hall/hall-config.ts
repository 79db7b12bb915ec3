import { ConfigError } from '../config-error.js';

/** The hall's settings from the environment (read once with the rest of the configuration). */
export interface HallConfig {
  /**
   * QINGDAN_PII_KEY: 32 bytes (64 hex characters or base64) that encrypt applicants' ID numbers.
   * Unset, a key file is made in the data folder on first use; several instances on one
   * PostgreSQL database must share one key, so production sets it.
   */
  readonly piiKey: Buffer | null;
  /** QINGDAN_PDF_FONT: a CJK font for printed notices, "path" or "path#PostScriptName" for a .ttc. */
  readonly pdfFont: string | null;
  /** QINGDAN_PUBLIC_URL: where applicants open links sent by SMS (e.g. https://qingdan.example.gov.cn). */
  readonly publicUrl: string | null;
}

export function parseHallConfig(env: Record<string, string | undefined>): HallConfig {
  const raw = env.QINGDAN_PII_KEY?.trim();
  let piiKey: Buffer | null = null;
  if (raw) {
    piiKey = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (piiKey.length !== 32) throw new ConfigError('QINGDAN_PII_KEY must be 32 bytes: 64 hex characters or base64');
  }
  const publicUrl = env.QINGDAN_PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\/[^\s]+$/.test(publicUrl))
    throw new ConfigError(`QINGDAN_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  return {
    piiKey,
    pdfFont: env.QINGDAN_PDF_FONT?.trim() || null,
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? null,
  };
}
