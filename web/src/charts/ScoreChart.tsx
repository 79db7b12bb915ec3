import { useMemo } from 'react';
import type { RankingRow } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { EChart, type ChartOption } from './EChart.js';

/** Composite scores of units as horizontal bars (lazy chunk shared with the home charts). */
export default function ScoreChart({ rows }: { rows: RankingRow[] }) {
  const { t } = useI18n();
  const data = useMemo(() => rows.filter((r) => typeof r.composite === 'number')
    .sort((a, b) => (a.composite ?? 0) - (b.composite ?? 0)), [rows]);
  const option = useMemo<ChartOption>(() => ({
    color: ['#c0392b'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 110, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: data.map((r) => r.name), axisLabel: { width: 100, overflow: 'truncate' } },
    series: [{ name: t('score.composite'), type: 'bar', data: data.map((r) => r.composite) }],
  }), [data, t]);
  return (
    <section className="panel">
      <EChart option={option} height={Math.max(200, data.length * 26 + 40)} testId="chart-score"
        label={data.map((r) => `${r.name} ${r.composite}`).join('; ')} />
    </section>
  );
}
