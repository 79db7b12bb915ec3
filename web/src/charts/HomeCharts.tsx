import { useMemo } from 'react';
import type { StatsSummary } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { EChart, type ChartOption } from './EChart.js';

const COLORS = ['#c0392b', '#2e86de', '#27ae60', '#f39c12', '#8e44ad', '#16a085', '#d35400', '#7f8c8d'];

/** Charts for the home page (lazy chunk): monthly trend, categories, areas. */
export default function HomeCharts({ summary: s }: { summary: StatsSummary }) {
  const { t } = useI18n();
  const found = t('home.found');
  const rectified = t('home.rectified');

  const monthly = useMemo<ChartOption>(() => ({
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { data: [found, rectified] },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: s.byMonth.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: found, type: 'line', smooth: true, data: s.byMonth.map((m) => m.found) },
      { name: rectified, type: 'line', smooth: true, data: s.byMonth.map((m) => m.rectified) },
    ],
  }), [s, found, rectified]);

  const categories = useMemo<ChartOption>(() => {
    const rows = [...s.byCategory].sort((a, b) => a.count - b.count).slice(-12);
    return {
      color: COLORS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [found, rectified] },
      grid: { left: 100, right: 16, top: 40, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 90, overflow: 'truncate' } },
      series: [
        { name: found, type: 'bar', data: rows.map((r) => r.count) },
        { name: rectified, type: 'bar', data: rows.map((r) => r.rectified) },
      ],
    };
  }, [s, found, rectified]);

  const areas = useMemo<ChartOption>(() => ({
    color: COLORS,
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      name: t('home.byArea'), type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      label: { show: false, position: 'center' },
      emphasis: { label: { show: true, fontSize: 14, fontWeight: 'bold', formatter: '{b}\n{d}%' } },
      data: s.byArea.map((a) => ({ name: a.name, value: a.count })),
    }],
  }), [s, t]);

  const summarise = (rows: { name: string; count: number; rectified: number }[]) =>
    rows.map((r) => `${r.name} ${r.count}/${r.rectified}`).join('; ');

  return (
    <section className="panel charts" aria-labelledby="charts-h" data-testid="charts">
      <h2 id="charts-h">{t('home.chartsTitle')}</h2>
      <div className="chart-grid">
        {s.byMonth.length > 0 && (
          <figure>
            <figcaption>{t('home.byMonth')}</figcaption>
            <EChart option={monthly} testId="chart-month"
              label={s.byMonth.map((m) => `${m.month} ${m.found}/${m.rectified}`).join('; ')} />
          </figure>
        )}
        {s.byCategory.length > 0 && (
          <figure>
            <figcaption>{t('home.byCategory')}</figcaption>
            <EChart option={categories} testId="chart-category" label={summarise(s.byCategory)} />
          </figure>
        )}
        {s.byArea.length > 0 && (
          <figure>
            <figcaption>{t('home.byArea')}</figcaption>
            <EChart option={areas} testId="chart-area" label={summarise(s.byArea)} />
          </figure>
        )}
      </div>
    </section>
  );
}
