import type { Category } from '../api/reference.js';
import type { Problem } from '../api/problems.js';

/**
 * Triage hints for the acceptance inbox, computed from public reference data: the category whose
 * keywords the report mentions most, and the unit that category (or its nearest parent) names.
 * Hints only: the officer decides, and the server checks what is sent.
 */
export function suggestCategory(
  p: Pick<Problem, 'title' | 'description' | 'category'>,
  categories: Category[],
): Category | null {
  if (p.category) return categories.find((c) => c.id === p.category!.id) ?? null;
  const text = `${p.title} ${p.description}`;
  let best: { c: Category; score: number } | null = null;
  for (const c of categories) {
    const words = (c.keywords ?? '').split(/[,，、\s]+/).filter(Boolean);
    const score = words.filter((w) => text.includes(w)).length + (text.includes(c.name) ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) best = { c, score };
  }
  return best?.c ?? null;
}

export function defaultDepartmentOf(category: Category | null, categories: Category[]): number | null {
  for (let c = category, hops = 0; c && hops < 10; hops++) {
    if (c.defaultDepartmentId) return c.defaultDepartmentId;
    c = categories.find((x) => x.id === c!.parentId) ?? null;
  }
  return null;
}

/** The tier that decides the default deadline: the category's, or its nearest parent's. */
export function tierOf(category: Category | null, categories: Category[]): string {
  for (let c = category, hops = 0; c && hops < 10; hops++) {
    if (c.timeLimitTier) return c.timeLimitTier;
    c = categories.find((x) => x.id === c!.parentId) ?? null;
  }
  return 'simple';
}
