import { useMemo } from 'react';
import type { TIndicator, TIndicatorCode, TTrend } from '../../../api/command.ts';
import { type I18n, useI18n } from '../../../i18n/index.ts';
import { formatPercent, formatTarget, indicatorOf, indicatorShortKey, toneOf } from '../labels.ts';
import { trendOption } from '../trend-chart.tsx';
import { type ChartOption, useEChart } from '../use-echart.ts';
import type { JurisdictionUnit } from './jurisdiction.ts';

/** Colours on the dark screen: met, within ten points of the target, further off, nothing counted. */
export const screenColor = { met: '#3fb950', near: '#f0a020', missed: '#f5455c', none: '#4a5a78' } as const;
const axisText = '#8fb3e8';
const gridLine = 'rgba(143, 179, 232, 0.15)';
const trendColors = ['#4fd1ff', '#3fb950', '#f0a020', '#b37feb'];

function colorOf(indicator: TIndicator | undefined): string {
  if (!indicator || indicator.value === null) return screenColor.none;
  if (toneOf(indicator) === 'met') return screenColor.met;
  return indicator.value >= indicator.target - 0.1 ? screenColor.near : screenColor.missed;
}

const percentOf = (indicator: TIndicator | undefined) =>
  indicator?.value === null || indicator?.value === undefined
    ? null
    : Math.round(indicator.value * 1000) / 10;

function ScreenChart({ option, testId }: { option: ChartOption; testId: string }) {
  const ref = useEChart(option, 'dark');
  return <div ref={ref} className="cmd-screen-chart" data-testid={testId} />;
}

const gaugeCenters = [
  ['25%', '29%'],
  ['75%', '29%'],
  ['25%', '77%'],
  ['75%', '77%'],
];

function gaugesOption(indicators: readonly TIndicator[], t: I18n['t']): ChartOption {
  return {
    backgroundColor: 'transparent',
    series: indicators.slice(0, 4).map((indicator, index) => ({
      type: 'gauge',
      center: gaugeCenters[index],
      radius: '38%',
      startAngle: 220,
      endAngle: -40,
      min: 0,
      max: 100,
      progress: { show: true, width: 10, roundCap: true, itemStyle: { color: colorOf(indicator) } },
      axisLine: { roundCap: true, lineStyle: { width: 10, color: [[1, 'rgba(143, 179, 232, 0.14)']] } },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      pointer: { show: false },
      anchor: { show: false },
      title: { offsetCenter: [0, '88%'], color: axisText, fontSize: 13 },
      detail: {
        offsetCenter: [0, '-4%'],
        fontSize: 24,
        fontWeight: 600,
        color: '#fff',
        formatter: () =>
          `${formatPercent(indicator.value)}\n{target|${t('command.target')} ${formatTarget(indicator.target)}}`,
        rich: { target: { fontSize: 11, color: axisText, padding: [6, 0, 0, 0] } },
      },
      data: [{ value: percentOf(indicator) ?? 0, name: t(indicatorShortKey(indicator.code)) }],
    })),
  };
}

/** The four indicators of the court as gauges, each coloured by its value against its target. */
export function GaugesChart({ indicators }: { indicators: readonly TIndicator[] }) {
  const { t } = useI18n();
  const option = useMemo(() => gaugesOption(indicators, t), [indicators, t]);
  return <ScreenChart option={option} testId="screen-gauges" />;
}

type Tile = { name: string; value: number; display: string; count: string; itemStyle: { color: string } };

function tilesOption(tiles: Tile[]): ChartOption {
  return {
    backgroundColor: 'transparent',
    tooltip: {
      formatter: (p: { data?: Tile }) =>
        p.data ? `${p.data.name}<br/>${p.data.display}（${p.data.count}）` : '',
    },
    series: [
      {
        type: 'treemap',
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        itemStyle: { borderColor: '#071330', borderWidth: 3, gapWidth: 3 },
        label: {
          show: true,
          color: '#fff',
          fontSize: 14,
          lineHeight: 22,
          position: 'insideTopLeft',
          padding: [8, 10],
          formatter: (p: { data?: Tile }) =>
            p.data ? `${p.data.name}\n{v|${p.data.display}}\n{c|${p.data.count}}` : '',
          rich: {
            v: { fontSize: 26, fontWeight: 600, color: '#fff', lineHeight: 36 },
            c: { fontSize: 12, color: 'rgba(255, 255, 255, 0.8)' },
          },
        },
        data: tiles,
      },
    ],
  };
}

/**
 * The "map" of the jurisdiction: no map files are at hand offline, so the courts below are tiles,
 * sized by the cases counted and coloured by the focused indicator against its target.
 */
export function CourtTilesChart({
  units,
  code,
}: {
  units: readonly JurisdictionUnit[];
  code: TIndicatorCode;
}) {
  const option = useMemo(
    () =>
      tilesOption(
        units.map((unit) => {
          const indicator = indicatorOf(unit.indicators, code);
          return {
            name: unit.name,
            // Equal tiles: a small court must stay as readable as a large one.
            value: 1,
            display: formatPercent(indicator?.value ?? null),
            count: `${indicator?.numerator ?? 0} / ${indicator?.denominator ?? 0}`,
            itemStyle: { color: colorOf(indicator) },
          };
        }),
      ),
    [units, code],
  );
  return <ScreenChart option={option} testId="screen-tiles" />;
}

function rankingOption(units: readonly JurisdictionUnit[], code: TIndicatorCode): ChartOption {
  const ranked = units
    .map((unit) => ({ name: unit.name, indicator: indicatorOf(unit.indicators, code) }))
    .sort((a, b) => (percentOf(a.indicator) ?? -1) - (percentOf(b.indicator) ?? -1));
  const target = ranked.find((r) => r.indicator)?.indicator?.target;
  return {
    backgroundColor: 'transparent',
    grid: { left: 4, right: 52, top: 22, bottom: 4, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { color: axisText, formatter: '{value}%' },
      splitLine: { lineStyle: { color: gridLine } },
    },
    yAxis: {
      type: 'category',
      data: ranked.map((r) => r.name),
      axisLabel: { color: '#d6e4ff', fontSize: 12, width: 130, overflow: 'truncate' },
      axisLine: { lineStyle: { color: gridLine } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: ranked.map((r) => ({
          value: percentOf(r.indicator) ?? 0,
          itemStyle: { color: colorOf(r.indicator), borderRadius: [0, 3, 3, 0] },
        })),
        label: {
          show: true,
          position: 'right',
          color: '#d6e4ff',
          formatter: (p: { dataIndex: number }) =>
            formatPercent(ranked[p.dataIndex]?.indicator?.value ?? null),
        },
        markLine:
          target === undefined
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#f5455c' },
                label: { formatter: formatTarget(target), color: axisText, position: 'end' },
                data: [{ xAxis: Math.round(target * 100) }],
              },
      },
    ],
  };
}

/** The courts below ranked by the focused indicator, the target as a dashed line. */
export function RankingChart({ units, code }: { units: readonly JurisdictionUnit[]; code: TIndicatorCode }) {
  const option = useMemo(() => rankingOption(units, code), [units, code]);
  return <ScreenChart option={option} testId="screen-ranking" />;
}

/** The four indicators month by month, on the dark screen. */
export function ScreenTrendChart({ trend }: { trend: TTrend | undefined }) {
  const { t } = useI18n();
  const option = useMemo(
    () =>
      trend
        ? {
            backgroundColor: 'transparent',
            ...trendOption(trend, t, { text: axisText, grid: gridLine, colors: trendColors }),
          }
        : { backgroundColor: 'transparent' },
    [trend, t],
  );
  return <ScreenChart option={option} testId="screen-trend" />;
}
