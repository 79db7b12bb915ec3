import type { StatsSummary } from '../api/stats.js';
import { useI18n } from '../i18n/index.js';
import { topRows } from './chart-rows.js';

/** The department chart's height: one bar pair per department, up to twelve. */
export const departmentChartHeight = (n: number) => Math.max(240, Math.min(12, n) * 28 + 60);

/**
 * The charts panel at its final size while the summary or the ECharts chunk is still on its way,
 * so nothing below it jumps when the charts arrive (CLS was 0.34 on a phone on slow 4G).
 * Without a summary it assumes the demo city's shape: four charts, twelve departments.
 */
export function ChartsPlaceholder({ summary: s }: { summary: StatsSummary | null }) {
  const { t } = useI18n();
  const departments = s ? topRows(s.byDepartment).filter((r) => r.count > 0).length : 12;
  const boxes: [string, number, boolean][] = [
    [t('home.byMonth'), 300, !s || s.byMonth.length > 0],
    [t('home.byCategory'), 300, !s || topRows(s.byCategory).length > 0],
    [t('home.byArea'), 300, !s || topRows(s.byArea).some((r) => r.count > 0)],
    [t('home.byDepartment'), departmentChartHeight(departments), departments > 0],
  ];
  return (
    <section className="panel charts" aria-labelledby="charts-h" aria-busy="true" data-testid="charts-loading">
      <h2 id="charts-h">{t('home.chartsTitle')}</h2>
      <div className="chart-grid">
        {boxes
          .filter(([, , shown]) => shown)
          .map(([caption, height], i) => (
            <figure key={caption} className={i === 3 ? 'chart-wide' : undefined}>
              <figcaption>{caption}</figcaption>
              <div className="chart chart-pending" style={{ height }}>
                {i === 0 && <span className="muted">{t('home.chartsLoading')}</span>}
              </div>
            </figure>
          ))}
      </div>
    </section>
  );
}
