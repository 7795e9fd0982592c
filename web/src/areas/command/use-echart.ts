import { BarChart, GaugeChart, LineChart, TreemapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  BarChart,
  GaugeChart,
  TreemapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts instance for the life of the element it draws in: made on mount, given each new
 * option with `setOption` (never made again on a refresh), resized with its box, and disposed on
 * unmount — the big screen runs for days, so nothing may be left behind.
 */
export function useEChart(option: ChartOption, theme?: 'dark') {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const optionRef = useRef(option);
  optionRef.current = option;
  const appliedRef = useRef<ChartOption | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, theme, { renderer: 'canvas' });
    chart.setOption(optionRef.current);
    appliedRef.current = optionRef.current;
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [theme]);

  useEffect(() => {
    // Series are replaced, not merged: a court that left the list leaves no stale bar behind.
    const chart = chartRef.current;
    if (!chart || appliedRef.current === option) return;
    chart.setOption(option, { replaceMerge: ['series'] });
    appliedRef.current = option;
  }, [option]);

  return ref;
}
