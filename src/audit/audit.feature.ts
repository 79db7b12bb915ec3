import { defineFeature } from '../feature.js';
import { registerAuditCommands } from './audit-commands.js';

/** The append-only, hash-chained event log every item write appends to; `qingdan audit verify`. */
export const auditFeature = defineFeature({
  name: 'audit',
  cli: registerAuditCommands,
});
