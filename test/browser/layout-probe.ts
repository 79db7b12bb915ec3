/**
 * A script the browser runs before the page's own (context.addInitScript): it records when the
 * home page's content and charts first appear (ms since navigation) and the cumulative layout
 * shift as Chrome reports it (largest session window: shifts less than 1 s apart, at most 5 s).
 */
export interface Probe {
  marks: Record<string, number>;
  cls: number;
}

export const LAYOUT_PROBE = `(() => {
  const probe = { marks: {}, cls: 0 };
  window.__probe = probe;
  let windowSum = 0, first = 0, last = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      if (windowSum && e.startTime - last < 1000 && e.startTime - first < 5000) windowSum += e.value;
      else { windowSum = e.value; first = e.startTime; }
      last = e.startTime;
      probe.cls = Math.max(probe.cls, windowSum);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const wanted = {
    content: () => document.querySelector('[data-testid="headline"]') &&
      document.querySelector('[data-testid="good-news"] .card-list, [data-testid="good-news"] .state-empty'),
    charts: () => document.querySelector('[data-testid="chart-month"] canvas'),
  };
  const check = () => {
    for (const [k, f] of Object.entries(wanted)) if (!(k in probe.marks) && f()) probe.marks[k] = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;
