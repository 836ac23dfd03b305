import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { formatValue, topCategories, type CategoryRow, type TrendBy, type TrendPoint } from './dashboardData';

// Only the parts drawn here, so the bundle carries two chart types and not all of echarts.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface ChartProps {
  /** Pixels, or '100%' to fill a box of fixed height (the wall screen's panels). */
  height: number | string;
  /** The wall screen's dark theme. */
  dark?: boolean;
  testId: string;
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** Reported, handled and closed cases per bucket, with the on-time handling rate on a second axis. */
export function TrendChart({
  points,
  by,
  height,
  dark = false,
  testId,
}: ChartProps & { points: TrendPoint[]; by: TrendBy }) {
  const { t } = useTranslation();
  const option = {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => (by === 'month' ? p.bucket.slice(0, 7) : p.bucket.slice(5))),
      boundaryGap: false,
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('dashboard.trend.reported'),
        type: 'line',
        data: points.map((p) => p.reported),
        smooth: false,
      },
      { name: t('dashboard.trend.handled'), type: 'line', data: points.map((p) => p.handled), smooth: false },
      { name: t('dashboard.trend.closed'), type: 'line', data: points.map((p) => p.closed), smooth: false },
      {
        name: t('dashboard.trend.onTimeHandlingRate'),
        type: 'line',
        yAxisIndex: 1,
        data: points.map((p) => percent(p.onTimeHandlingRate)),
        lineStyle: { type: 'dashed' },
        connectNulls: true,
      },
    ],
  };
  return <ChartBox option={option} height={height} dark={dark} testId={testId} />;
}

/** Reports by category, horizontal bars, largest on top. */
export function CategoryChart({ rows, height, dark = false, testId }: ChartProps & { rows: CategoryRow[] }) {
  const { t } = useTranslation();
  const shown = topCategories(rows, t('dashboard.categories.others'));
  // the category axis draws bottom-up: reverse so the largest is on top
  const ordered = [...shown].reverse();
  const option = {
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatValue(v, 'count'),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.name),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      { name: t('dashboard.trend.reported'), type: 'bar', data: ordered.map((r) => r.reported) },
      { name: t('dashboard.trend.handled'), type: 'bar', data: ordered.map((r) => r.handled) },
    ],
  };
  return <ChartBox option={option} height={height} dark={dark} testId={testId} />;
}

/** One ECharts chart filling a box of the given height (dark theme on the wall screen). */
function ChartBox({ option, height, dark = false, testId }: ChartProps & { option: object }) {
  return (
    <div data-testid={testId} style={{ height }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        theme={dark ? 'dark' : undefined}
        style={{ height: '100%', width: '100%' }}
      />
    </div>
  );
}
