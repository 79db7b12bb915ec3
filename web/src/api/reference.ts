import { api } from './client.js';
import type { Static } from '@sinclair/typebox';
import type {
  AreaSchema,
  CategorySchema,
  DepartmentSchema,
  FlatRefSchema,
} from '../../../src/reference/reference.schema.js';

export type Area = Static<typeof AreaSchema>;
export type Department = Static<typeof DepartmentSchema>;
export type Category = Static<typeof CategorySchema>;
type FlatRef = Static<typeof FlatRefSchema>;

export type RefKind = 'areas' | 'departments' | 'categories' | 'sources' | 'tags';
export interface RefMap {
  areas: Area;
  departments: Department;
  categories: Category;
  sources: FlatRef;
  tags: FlatRef;
}

const cache = new Map<RefKind, Promise<unknown[]>>();

/** Reference data rarely changes within a visit; share one request per kind. */
export function listRef<K extends RefKind>(kind: K, opts: { fresh?: boolean } = {}): Promise<RefMap[K][]> {
  if (opts.fresh || !cache.has(kind)) {
    const p = api.get<{ items: RefMap[K][] }>(`/api/v1/${kind}`).then((r) => r.items);
    p.catch(() => cache.delete(kind));
    cache.set(kind, p);
  }
  return cache.get(kind) as Promise<RefMap[K][]>;
}

export function createRef<K extends RefKind>(kind: K, body: Partial<RefMap[K]>) {
  cache.delete(kind);
  return api.post<unknown>(`/api/v1/${kind}`, body);
}

export function updateRef<K extends RefKind>(kind: K, id: number, body: Partial<RefMap[K]>) {
  cache.delete(kind);
  return api.patch<unknown>(`/api/v1/${kind}/${id}`, body);
}

export function deleteRef(kind: RefKind, id: number) {
  cache.delete(kind);
  return api.del(`/api/v1/${kind}/${id}`);
}
