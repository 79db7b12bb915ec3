import { defineFeature } from '../feature.js';
import { REFERENCE_KINDS, type ReferenceKind } from './reference.schema.js';
import { referenceService, type ReferenceService } from './reference.service.js';
import { referenceNamesCache, type ReferenceNamesCache } from './reference-names.js';
import { referenceRoutes } from './reference.routes.js';

type Table = ReferenceKind['table'];

export interface ReferenceState {
  /** One CRUD service per kind: areas, departments, categories, sources, tags. */
  services: Record<Table, ReferenceService>;
  /** id → name of every kind, for presenting items; invalidated by any change. */
  names: ReferenceNamesCache;
}

/** Reference data: administrative areas, departments, categories, sources and tags. */
export const referenceFeature = defineFeature<ReferenceState>({
  name: 'reference',
  install(k) {
    const names = referenceNamesCache(k.db);
    const services = Object.fromEntries(
      REFERENCE_KINDS.map((kind) => [kind.table, referenceService(k.db, kind, names.invalidate)]),
    ) as Record<Table, ReferenceService>;
    return { services, names };
  },
  routes: (state) => referenceRoutes(state.services),
});
