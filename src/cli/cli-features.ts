import type { Command } from 'commander';

/** Command groups contributed by features (import, export, search, jobs, backup …). */
export const cliFeatures: Array<(program: Command) => void> = [];

// API keys for Open311 clients (src/open311/apikey-commands.ts).
import { registerApiKeyCommands } from '../open311/apikey-commands.js';
cliFeatures.push(registerApiKeyCommands);

// Scheduled jobs by hand and calendar import (src/jobs/jobs-cli.ts).
import { registerSupervisionCommands } from '../jobs/jobs-cli.js';
cliFeatures.push(registerSupervisionCommands);

// Search index, spreadsheet import and export (src/search/search-commands.ts, src/sheets/sheet-commands.ts).
import { registerSearchCommands } from '../search/search-commands.js';
import { registerSheetCommands } from '../sheets/sheet-commands.js';
cliFeatures.push(registerSearchCommands, registerSheetCommands);

// Backup and restore (src/backup/backup-commands.ts).
import { registerBackupCommands } from '../backup/backup-commands.js';
cliFeatures.push(registerBackupCommands);
