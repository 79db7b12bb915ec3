/**
 * Duplicate-detection settings from the environment, read once when the feature is installed.
 * A bad value stops the start with the variable named, like the core configuration.
 */
import { ConfigError } from '../config-error.js';

export interface DuplicateConfig {
  /** QINGDAN_DUPLICATE_DISTANCE_M: reports with coordinates this close may be the same problem. */
  distanceMeters: number;
  /** QINGDAN_DUPLICATE_RECENT_DAYS: closed items stay candidates this long after their last change. */
  recentDays: number;
  /** QINGDAN_DUPLICATE_MIN_SCORE: suggestions scoring below this (0..1) are not shown. */
  minScore: number;
  minText: number;
}

function num(env: Record<string, string | undefined>, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  return n;
}

export function duplicateConfig(env: Record<string, string | undefined> = process.env): DuplicateConfig {
  return Object.freeze({
    distanceMeters: num(env, 'QINGDAN_DUPLICATE_DISTANCE_M', 300, 1, 100_000),
    recentDays: num(env, 'QINGDAN_DUPLICATE_RECENT_DAYS', 30, 0, 3650),
    minScore: num(env, 'QINGDAN_DUPLICATE_MIN_SCORE', 0.55, 0, 1),
    minText: 0.3,
  });
}
