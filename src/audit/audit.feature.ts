import { defineFeature } from '../feature.js';
import { loadAuditKey, setAuditKey } from './audit-key.js';
import { registerAuditCommands } from './audit-commands.js';
import { takeCheckpoint } from './partition-checkpoints.js';

/**
 * The append-only, hash-chained event log every item write appends to, keyed with the audit key
 * from outside the database; `qingdan audit verify` and `qingdan audit checkpoint`.
 */
export const auditFeature = defineFeature({
  name: 'audit',
  install: (k) => setAuditKey(loadAuditKey(k.config)),
  jobs: (_state, k) => [
    {
      name: 'audit-checkpoint',
      description: "chain the item chain's partitions: a checkpoint of every item's last link (every 10 minutes)",
      slot: (now) => now.toISOString().slice(0, 15),
      run: async (now) => (await takeCheckpoint(k.db, k.dialect, now.toISOString())) ?? { upto: null },
    },
  ],
  cli: registerAuditCommands,
});
