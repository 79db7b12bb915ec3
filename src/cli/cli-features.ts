import type { Command } from 'commander';

/** Command groups contributed by features (import, export, search, jobs, backup …). */
export const cliFeatures: Array<(program: Command) => void> = [];
