import type { Feature } from './feature.js';
import type { HookOrder } from './kernel-hooks.js';
import { databaseFeature } from './db/database.feature.js';
import { referenceFeature } from './reference/reference.feature.js';
import { usersFeature } from './users/users.feature.js';
import { problemsFeature } from './problems/problems.feature.js';
import { attachmentsFeature } from './attachments/attachments.feature.js';
import { auditFeature } from './audit/audit.feature.js';
import { questionsFeature } from './questions/questions.feature.js';
import { open311Feature } from './open311/open311.feature.js';
import { notifyFeature } from './notify/notify.feature.js';
import { jobsFeature } from './jobs/jobs.feature.js';
import { supervisionFeature } from './supervision/supervision.feature.js';
import { lettersFeature } from './letters/letters.feature.js';
import { assessmentFeature } from './assessment/assessment.feature.js';
import { searchFeature } from './search/search.feature.js';
import { duplicatesFeature } from './duplicates/duplicates.feature.js';
import { sheetsFeature } from './sheets/sheets.feature.js';
import { statsFeature } from './stats/stats.feature.js';
import { commentsFeature } from './comments/comments.feature.js';
import { backupFeature } from './backup/backup.feature.js';
import { hallFeature } from './hall/hall.feature.js';
import { residentsFeature } from './residents/residents.feature.js';
import { campaignsFeature } from './campaigns/campaigns.feature.js';
import { hotspotsFeature } from './hotspots/hotspots.feature.js';
import { dispatchFeature } from './dispatch/dispatch.feature.js';
import { demoFeature } from './demo/demo.feature.js';
import { opsFeature } from './ops/ops.feature.js';

/**
 * Every feature of Qingdan, in the order they are installed: a feature may use the state of those
 * above it (`k.of(feature)`). The server, the command line and the demo seeder read this list.
 * A new feature is one folder plus one line here (and its hook names below, if it has hooks).
 */
export const CORE_FEATURES: readonly Feature<any>[] = [
  databaseFeature, // qingdan migrate
  referenceFeature, // areas, departments, categories, sources, tags
  usersFeature, // accounts, sessions, API keys; qingdan user, apikey
  problemsFeature, // the list: report, read, list, lifecycle actions
  attachmentsFeature, // photos and documents
  auditFeature, // the hash-chained event log; qingdan audit verify
];

export const features: readonly Feature<any>[] = [
  ...CORE_FEATURES,
  questionsFeature, // category extra questions
  open311Feature, // Open311 GeoReport v2
  notifyFeature, // in-app inbox, e-mail and webhook (SMS) delivery
  jobsFeature, // scheduled jobs of every feature; qingdan jobs
  supervisionFeature, // calendar, time limits, plans, warnings, board; qingdan calendar
  lettersFeature, // numbered supervision letters and summons, PDF, acknowledgement, reply; qingdan letters
  assessmentFeature, // monthly settlement and rankings; qingdan settle
  searchFeature, // Chinese full-text search; qingdan search reindex
  duplicatesFeature, // likely duplicates
  sheetsFeature, // spreadsheet import and export; qingdan import, export
  statsFeature, // headline figures, trends, monthly report; qingdan stats rebuild
  commentsFeature, // comments, thanks and likes, moderation
  dispatchFeature, // category suggestions learned from history; qingdan dispatch evaluate, train
  hallFeature, // the one-window hall: matter catalogue, applications, 好差评; qingdan hall import
  residentsFeature, // residents: phone sign-in, my reports, updates, subscriptions, map
  campaignsFeature, // visits, forums, subjects, 一企一策 plans, enforcement, panels; qingdan campaigns
  hotspotsFeature, // clusters of similar items, "me too", promotion to systemic items; qingdan hotspots
  backupFeature, // qingdan backup, restore
  opsFeature, // /livez, /readyz, /metrics; request ids and timings
  demoFeature, // qingdan seed --demo | --bulk N
];

/**
 * Everything features add to a problem write, by name, in the order it runs. Every hook runs
 * inside the writing transaction (src/problems/problem-hooks.ts); the kernel refuses to start if
 * a feature declares a hook that is not listed here, or a listed one is missing.
 */
export const PROBLEM_HOOKS: HookOrder = {
  // Before the item is committed: throwing refuses it.
  onCreate: ['residents.pin', 'questions.answers'],
  // After every write (a report, an action, an import row, a merge's master, an extension).
  afterWrite: [
    'supervision.warnings',
    'search.queue',
    'stats.counters',
    'stats.summary-cache',
    'residents.updates',
    'residents.subscriptions',
  ],
  // Once per batch of writes in one transaction (a sheet import), before it commits.
  afterBatch: ['search.queue'],
  // When items are presented, once per page.
  decorate: ['questions.answers', 'sheets.origin'],
};
