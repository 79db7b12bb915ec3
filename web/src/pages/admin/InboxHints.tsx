import type { DispatchSuggestions, RankedSuggestion } from '../../api/dispatch.js';
import type { DuplicateSuggestion } from '../../api/supervision.js';
import type { Category, Department } from '../../api/reference.js';
import type { Problem } from '../../api/problems.js';
import { useI18n } from '../../i18n/index.js';
import { defaultDepartmentOf, suggestCategory } from '../../lib/suggest.js';
import type { FormValues } from '../../lib/action-fields.js';
import { Link } from '../../router.js';

export interface Hints {
  category: Category | null;
  departmentId: number | null;
  duplicates: DuplicateSuggestion[];
  /** The learned ranking (top 3) when the server has a model; the first is the pre-filled one. */
  ranked: RankedSuggestion[];
}

/**
 * The model learned from triaged history (server side) comes first; without one (a new city)
 * the category's keywords are the fallback.
 */
export function hintsFor(
  p: Problem,
  categories: Category[],
  duplicates: DuplicateSuggestion[] = [],
  learned?: DispatchSuggestions,
): Hints {
  const top = learned?.categories[0];
  const category = p.category
    ? suggestCategory(p, categories)
    : ((top && categories.find((c) => c.id === top.id)) ?? suggestCategory(p, categories));
  const departmentId =
    p.leadDepartment?.id ??
    (p.category ? null : learned?.departments[0]?.id) ??
    defaultDepartmentOf(category, categories);
  return { category, departmentId, duplicates, ranked: p.category ? [] : (learned?.categories ?? []) };
}

/** What the inbox pre-fills: the suggested unit for assignment, the likeliest duplicate for a merge. */
export function hintDefaults(h: Hints): { assign: FormValues; merge: FormValues } {
  const assign: FormValues = {};
  if (h.departmentId) assign.leadDepartmentId = String(h.departmentId);
  if (h.category) assign.categoryId = String(h.category.id);
  return { assign, merge: h.duplicates[0] ? { targetCode: h.duplicates[0].code } : {} };
}

/** Suggested category and unit, and likely duplicates, under an inbox item. */
export function InboxHints({
  problem,
  hints,
  departments,
}: {
  problem: Problem;
  hints: Hints;
  departments: Department[];
}) {
  const { t, name, join, lang } = useI18n();
  const dept = departments.find((d) => d.id === hints.departmentId);
  // Each reason is worded "中文 / English"; the joined `reason` is the Chinese halves.
  const why = (d: DuplicateSuggestion) =>
    lang === 'en' ? d.reasons.map((r) => r.message.split(' / ').pop()).join('; ') : d.reason;
  const guessed = !problem.category && hints.category;
  return (
    <div className="hints muted" data-testid="inbox-hints">
      {hints.category && (
        <span data-testid="hint-category">
          {t(guessed ? 'inbox.suggestedCategory' : 'problem.category')}
          {t('common.colon')}
          {name(hints.category)}
          {hints.ranked.length > 1 && (
            <span data-testid="hint-category-others">
              {' '}
              ({t('inbox.alsoLikely')}
              {t('common.colon')}
              {hints.ranked
                .slice(1)
                .map((r) => r.name)
                .join(t('common.listSep'))}
              )
            </span>
          )}
        </span>
      )}
      {dept && (
        <span data-testid="hint-department">
          {t('inbox.suggestedDepartment')}
          {t('common.colon')}
          {name(dept)}
        </span>
      )}
      {hints.duplicates.length > 0 && (
        <span data-testid="hint-duplicates">
          {t('inbox.duplicates')}
          {t('common.colon')}
          {hints.duplicates.slice(0, 3).map((d, i) => (
            <span key={d.code}>
              {i > 0 && t('common.listSep')}
              <Link to={`/admin/problems/${encodeURIComponent(d.code)}`} title={join([d.title, why(d)])}>
                {d.code}
              </Link>{' '}
              ({Math.round(d.score * 100)}%)
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
