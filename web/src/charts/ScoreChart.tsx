import { useMemo } from 'react';
import type { ScoreRow } from '../api/supervision.js';
import { useI18n } from '../i18n/index.js';
import { EChart, type ChartOption } from './EChart.js';

/** Composite scores of units as horizontal bars, best at the top (lazy chunk with the other charts). */
export default function ScoreChart({ rows }: { rows: ScoreRow[] }) {
  const { t } = useI18n();
  const data = useMemo(
    () =>
      rows
        .filter((r) => typeof r.composite === 'number')
        .sort((a, b) => (a.composite ?? 0) - (b.composite ?? 0))
        .slice(-15),
    [rows],
  );
  const option = useMemo<ChartOption>(
    () => ({
      color: ['#c0392b'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 16, bottom: 16, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: data.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ name: t('score.composite'), type: 'bar', data: data.map((r) => r.composite) }],
    }),
    [data, t],
  );
  if (!data.length) return null;
  return (
    <section className="panel" aria-label={t('score.chart')}>
      <EChart
        option={option}
        height={Math.max(200, data.length * 26 + 40)}
        testId="chart-score"
        label={data.map((r) => `${r.name} ${r.composite?.toFixed(1)}`).join('; ')}
      />
    </section>
  );
}
