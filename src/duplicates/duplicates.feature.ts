import { defineFeature } from '../feature.js';
import type { Actor } from '../auth/actor.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { searchFeature } from '../search/search.feature.js';
import { fullTextFor } from '../search/full-text.js';
import { duplicateService, type DuplicateService } from './duplicate.service.js';
import { duplicateConfig } from './duplicate-config.js';
import { duplicateRoutes } from './duplicate.routes.js';

export interface DuplicatesState extends DuplicateService {
  /** Suggestions for an item the actor may read (not found otherwise). */
  forCode(actor: Actor, code: string): ReturnType<DuplicateService['forItem']>;
}

/** Likely duplicates of a report being entered, of a stored item, and for the acceptance inbox. */
export const duplicatesFeature = defineFeature<DuplicatesState>({
  name: 'duplicates',
  install(k) {
    const dups = duplicateService(k.db, fullTextFor(k.dialect), k.clock, duplicateConfig());
    const { problems } = k.of(problemsFeature);
    return {
      ...dups,
      async forCode(actor, code) {
        const loaded = await problems.load(k.db, actor, code);
        return dups.forItem(loaded.row.id, { publicOnly: false });
      },
    };
  },
  routes: (dups, k) => async (app) => {
    // Suggestions search the index: they must see the items written before them.
    const { indexer } = k.of(searchFeature);
    app.addHook('preHandler', async () => indexer.catchUp());
    await app.register(duplicateRoutes(dups, k));
  },
});
