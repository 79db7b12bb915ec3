import type { Migration } from 'kysely';
import * as core from './20261129T2200-core.js';
import * as supervision from './20261129T2300-supervision.js';
import * as searchSheets from './20261129T2310-search-sheets.js';
import * as questions from './20261129T2330-questions.js';
import * as open311Token from './20261129T2335-open311-token.js';
import * as comments from './20261129T2340-comments.js';
import * as performance from './20261129T2350-performance.js';
import * as statsIndex from './20261129T2355-stats-index.js';
import * as statsCounters from './20261130T0100-stats-counters.js';
import * as searchQueue from './20261130T0110-search-queue.js';
import * as listIndexes from './20261130T0120-list-indexes.js';
import * as hall from './20261205T1300-hall.js';
import * as campaigns from './20261205T1500-campaigns.js';
import * as rateLimits from './20261205T1700-rate-limits.js';
import * as residents from './20261205T1800-residents.js';
import * as dispatch from './20261205T1900-dispatch.js';
import * as commentReplies from './20261205T2200-comment-replies.js';
import * as likeDevices from './20261206T0100-like-devices.js';
import * as keyedAudit from './20261206T0200-keyed-audit.js';
import * as loginBackoff from './20261206T0210-login-backoff.js';
import * as supervisionLetters from './20261206T0300-supervision-letters.js';
import * as residentCodes from './20261206T0700-resident-codes.js';
import * as mapIndex from './20261206T0800-map-index.js';
import * as englishTexts from './20261207T0100-english-texts.js';
import * as hotspots from './20261207T0200-hotspots.js';
import * as importHistory from './20261207T0300-import-history.js';
import * as attachmentBlobs from './20261207T0500-attachment-blobs.js';
import * as auditPartitions from './20261207T0510-audit-partitions.js';
import * as settingsVersion from './20261207T0520-settings-version.js';
import * as duplicateRanking from './20261208T0200-duplicate-ranking.js';

/**
 * Every migration, in order. Listed statically (not read from the folder) so the same code runs
 * under tsx, in a bundle and in tests. Names are timestamps; add new ones at the end.
 */
export const migrations: Record<string, Migration> = {
  '20261129T2200-core': core,
  '20261129T2300-supervision': supervision,
  '20261129T2310-search-sheets': searchSheets,
  '20261129T2330-questions': questions,
  '20261129T2335-open311-token': open311Token,
  '20261129T2340-comments': comments,
  '20261129T2350-performance': performance,
  '20261129T2355-stats-index': statsIndex,
  '20261130T0100-stats-counters': statsCounters,
  '20261130T0110-search-queue': searchQueue,
  '20261130T0120-list-indexes': listIndexes,
  '20261205T1300-hall': hall,
  '20261205T1500-campaigns': campaigns,
  '20261205T1700-rate-limits': rateLimits,
  '20261205T1800-residents': residents,
  '20261205T1900-dispatch': dispatch,
  '20261205T2200-comment-replies': commentReplies,
  '20261206T0100-like-devices': likeDevices,
  '20261206T0200-keyed-audit': keyedAudit,
  '20261206T0210-login-backoff': loginBackoff,
  '20261206T0300-supervision-letters': supervisionLetters,
  '20261206T0700-resident-codes': residentCodes,
  '20261206T0800-map-index': mapIndex,
  '20261207T0100-english-texts': englishTexts,
  '20261207T0200-hotspots': hotspots,
  '20261207T0300-import-history': importHistory,
  '20261207T0500-attachment-blobs': attachmentBlobs,
  '20261207T0510-audit-partitions': auditPartitions,
  '20261207T0520-settings-version': settingsVersion,
  '20261208T0200-duplicate-ranking': duplicateRanking,
};
