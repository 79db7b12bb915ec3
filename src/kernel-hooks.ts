import type { ProblemHookSet, ProblemHooks } from './problems/problem-hooks.js';

type Ordered = 'afterWrite' | 'afterBatch' | 'onCreate' | 'decorate';
export type HookOrder = { readonly [K in Ordered]: readonly string[] };
const ORDERED: Ordered[] = ['afterWrite', 'afterBatch', 'onCreate', 'decorate'];

/**
 * Fills `target` with every feature's hooks, in the order `order` lists their names. A hook that
 * is declared but not listed, or listed but declared by no feature, stops the boot: the list in
 * src/features.ts must say exactly what runs.
 */
export function composeHooks(
  target: ProblemHooks,
  contributions: Array<{ feature: string; set: ProblemHookSet }>,
  order: HookOrder,
): void {
  for (const kind of ORDERED) {
    const declared = new Map<string, unknown>();
    for (const { feature, set } of contributions) {
      for (const [name, run] of Object.entries(set[kind] ?? {})) {
        if (!name.startsWith(`${feature}.`))
          throw new Error(`hook "${name}" of feature "${feature}" must be named "${feature}.…"`);
        if (declared.has(name)) throw new Error(`hook "${name}" is declared twice`);
        declared.set(name, run);
      }
    }
    const unlisted = [...declared.keys()].filter((n) => !order[kind].includes(n));
    if (unlisted.length)
      throw new Error(`${kind} hooks missing from PROBLEM_HOOKS in src/features.ts: ${unlisted.join(', ')}`);
    const missing = order[kind].filter((n) => !declared.has(n));
    if (missing.length && contributions.length) {
      // Tests may boot a subset of the features; the full list must declare every listed hook.
      const owners = new Set(contributions.map((c) => c.feature));
      const absent = missing.filter((n) => owners.has(n.split('.')[0]));
      if (absent.length) throw new Error(`${kind} hooks listed but not declared: ${absent.join(', ')}`);
    }
    (target[kind] as Array<{ name: string; run: unknown }>) = order[kind]
      .filter((n) => declared.has(n))
      .map((name) => ({ name, run: declared.get(name) }));
  }
  for (const key of ['deadlines', 'search'] as const) {
    const providers = contributions.filter((c) => c.set[key]);
    if (providers.length > 1) throw new Error(`${key} is provided by ${providers.map((p) => p.feature).join(' and ')}`);
    if (providers.length) (target as any)[key] = providers[0].set[key];
  }
}
