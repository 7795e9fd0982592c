import { Empty } from 'antd';
import { useMemo } from 'react';
import { indicatorCodes, type TTrend } from '../../api/command.ts';
import { type I18n, useI18n } from '../../i18n/index.ts';
import { indicatorOf, indicatorShortKey } from './labels.ts';
import { type ChartOption, useEChart } from './use-echart.ts';

export const seriesColors = ['#1d4f91', '#13a8a8', '#d48806', '#722ed1'];

type TrendStyle = { text: string; grid: string; colors?: string[] };

/** The four indicators month by month (percent), the targets as dashed lines. */
export function trendOption(
  trend: TTrend,
  t: I18n['t'],
  style: TrendStyle = { text: '#595959', grid: '#f0f0f0' },
): ChartOption {
  const targets = [...new Set(trend.months.flatMap((m) => m.indicators.map((i) => i.target)))];
  return {
    color: style.colors ?? seriesColors,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—'),
    },
    legend: { top: 0, textStyle: { color: style.text } },
    grid: { left: 8, right: 40, top: 36, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: trend.months.map((m) => m.month),
      axisLabel: { color: style.text },
      axisLine: { lineStyle: { color: style.grid } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { color: style.text, formatter: '{value}%' },
      splitLine: { lineStyle: { color: style.grid } },
    },
    series: indicatorCodes.map((code, index) => ({
      type: 'line',
      name: t(indicatorShortKey(code)),
      smooth: false,
      symbolSize: 5,
      connectNulls: false,
      data: trend.months.map((m) => {
        const value = indicatorOf(m.indicators, code)?.value;
        return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
      }),
      ...(index === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#cf1322', opacity: 0.6 },
              label: { formatter: '{c}%', color: style.text },
              data: targets.map((target) => ({ yAxis: Math.round(target * 100) })),
            },
          }
        : {}),
    })),
  };
}

export function TrendChart({ trend, height = 300 }: { trend: TTrend | undefined; height?: number }) {
  const { t } = useI18n();
  if (!trend || trend.months.length === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height, margin: 0, paddingTop: height / 3 }} />
    );
  return <TrendCanvas trend={trend} height={height} t={t} />;
}

function TrendCanvas({ trend, height, t }: { trend: TTrend; height: number; t: I18n['t'] }) {
  const option = useMemo(() => trendOption(trend, t), [trend, t]);
  const ref = useEChart(option);
  return <div ref={ref} style={{ height, width: '100%' }} data-testid="trend-chart" />;
}
