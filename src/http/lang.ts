import type { Lang } from '../errors.js';

/**
 * The language a request prefers, from its Accept-Language header: the first of Chinese and
 * English by weight (q), Chinese when the header names neither or is absent. "en-GB,zh;q=0.8" is
 * English; "fr, en;q=0.5, zh;q=0.9" is Chinese; "*" is Chinese.
 */
export function preferredLang(header: string | string[] | undefined): Lang {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: Lang; q: number } | null = null;
  for (const part of text.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    if (primary !== 'zh' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    // Equal weights keep the header's order: the first named wins.
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'zh';
}
