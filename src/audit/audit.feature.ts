import { defineFeature } from '../feature.js';
import { loadAuditKey, setAuditKey } from './audit-key.js';
import { registerAuditCommands } from './audit-commands.js';

/**
 * The append-only, hash-chained event log every item write appends to, keyed with the audit key
 * from outside the database; `qingdan audit verify` and `qingdan audit checkpoint`.
 */
export const auditFeature = defineFeature({
  name: 'audit',
  install: (k) => setAuditKey(loadAuditKey(k.config)),
  cli: registerAuditCommands,
});
