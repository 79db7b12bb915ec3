import type { Command } from 'commander';
import { registerApiKeyCommands } from '../open311/apikey-commands.js';
import { registerSupervisionCommands } from '../jobs/jobs-cli.js';
import { registerSearchCommands } from '../search/search-commands.js';
import { registerSheetCommands } from '../sheets/sheet-commands.js';
import { registerBackupCommands } from '../backup/backup-commands.js';
import { registerStatsCommands } from '../stats/stats-commands.js';

/** Command groups contributed by features. */
export const cliFeatures: Array<(program: Command) => void> = [
  registerApiKeyCommands, // apikey create|list|revoke (Open311 clients)
  registerSupervisionCommands, // jobs list|run, calendar import|show, settle
  registerSearchCommands, // search reindex
  registerSheetCommands, // import, export
  registerBackupCommands, // backup, restore
  registerStatsCommands, // stats rebuild
];
