import { useMemo } from 'react';
import type { CountRow, StatsSummary } from '../api/stats.js';
import { useI18n } from '../i18n/index.js';
import { COLORS, describeRows, topRows } from './chart-rows.js';
import { EChart, type ChartOption } from './EChart.js';
import { departmentChartHeight } from './ChartsPlaceholder.js';

/** This month where the city is (the server counts months in its time zone). */
const cityMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);

/** Found vs rectified as horizontal bars, largest first at the top. */
function barOption(rows: CountRow[], found: string, rectified: string, name: (r: CountRow) => string): ChartOption {
  const sorted = [...rows].sort((a, b) => a.count - b.count).slice(-12);
  return {
    color: COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [found, rectified] },
    grid: { left: 8, right: 16, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map(name), axisLabel: { width: 96, overflow: 'truncate' } },
    series: [
      { name: found, type: 'bar', data: sorted.map((r) => r.count) },
      { name: rectified, type: 'bar', data: sorted.map((r) => r.rectified) },
    ],
  };
}

/** Charts for the home page (a lazy chunk): monthly trend, categories, areas, departments. */
export default function HomeCharts({ summary: s }: { summary: StatsSummary }) {
  const { t, lang } = useI18n();
  const found = t('home.found');
  const rectified = t('home.rectified');
  const categories = useMemo(() => topRows(s.byCategory), [s]);
  const areas = useMemo(() => topRows(s.byArea).filter((r) => r.count > 0), [s]);
  const departments = useMemo(() => topRows(s.byDepartment).filter((r) => r.count > 0), [s]);
  const label = (r: CountRow) => r.name;

  // The current month is only partly over: its point is drawn hollow and labelled "so far", so
  // a trend that seems to drop to nothing reads as the unfinished month it is.
  const current = cityMonth();
  const partial = t('home.partialMonth');
  const monthLabel = (m: string) => (m === current ? `${m}${partial}` : m);
  const monthly = useMemo<ChartOption>(() => {
    const point = (v: number, m: string) =>
      m === current ? { value: v, symbol: 'emptyCircle', symbolSize: 10, itemStyle: { opacity: 0.6 } } : v;
    return {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { data: [found, rectified] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: s.byMonth.map((m) => monthLabel(m.month)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: found, type: 'line', smooth: true, data: s.byMonth.map((m) => point(m.found, m.month)) },
        { name: rectified, type: 'line', smooth: true, data: s.byMonth.map((m) => point(m.rectified, m.month)) },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s, found, rectified, current, partial]);

  const areaPie = useMemo<ChartOption>(
    () => ({
      color: COLORS,
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          name: t('home.byArea'),
          type: 'pie',
          radius: ['35%', '62%'],
          center: ['50%', '44%'],
          label: { show: false, position: 'center' },
          emphasis: { label: { show: true, fontSize: 14, fontWeight: 'bold', formatter: '{b}\n{d}%' } },
          data: areas.map((a) => ({ name: a.name, value: a.count })),
        },
      ],
    }),
    [areas, t],
  );

  const catBars = useMemo(() => barOption(categories, found, rectified, label), [categories, found, rectified]);
  const deptBars = useMemo(() => barOption(departments, found, rectified, label), [departments, found, rectified]);

  return (
    <section
      className="panel charts"
      aria-labelledby="charts-h"
      data-testid="charts"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <h2 id="charts-h">{t('home.chartsTitle')}</h2>
      <div className="chart-grid">
        {s.byMonth.length > 0 && (
          <figure>
            <figcaption>{t('home.byMonth')}</figcaption>
            {s.byMonth.some((m) => m.month === current) && (
              <p className="muted small" data-testid="partial-month-note">
                {t('home.partialMonthNote', { month: current })}
              </p>
            )}
            <EChart
              option={monthly}
              testId="chart-month"
              label={s.byMonth.map((m) => `${monthLabel(m.month)} ${m.found}/${m.rectified}`).join('; ')}
            />
          </figure>
        )}
        {categories.length > 0 && (
          <figure>
            <figcaption>{t('home.byCategory')}</figcaption>
            <EChart option={catBars} testId="chart-category" label={describeRows(categories)} />
          </figure>
        )}
        {areas.length > 0 && (
          <figure>
            <figcaption>{t('home.byArea')}</figcaption>
            <EChart option={areaPie} testId="chart-area" label={describeRows(areas)} />
          </figure>
        )}
        {departments.length > 0 && (
          <figure className="chart-wide">
            <figcaption>{t('home.byDepartment')}</figcaption>
            <EChart
              option={deptBars}
              height={departmentChartHeight(departments.length)}
              testId="chart-department"
              label={describeRows(departments)}
            />
          </figure>
        )}
      </div>
    </section>
  );
}
