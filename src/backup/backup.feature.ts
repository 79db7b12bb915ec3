import { defineFeature } from '../feature.js';
import { registerBackupCommands } from './backup-commands.js';

/** `qingdan backup` and `qingdan restore`: the database and attachments, consistently (docs/backup-restore.md). */
export const backupFeature = defineFeature({
  name: 'backup',
  cli: registerBackupCommands,
});
