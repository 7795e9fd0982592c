import { Empty } from 'antd';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import type { TGraph } from '../../../../../../src/modules/inquiry/contracts.ts';
import { useAssetGraph } from '../../../../api/inquiry.ts';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';

echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer]);

const categoryOf = { respondent: 0, asset: 1, person: 3, company: 4 } as const;

/** 财产线索图: respondents, their assets (controlled ones marked) and related people and companies. */
export function AssetGraphView({ caseId }: { caseId: string }) {
  const graph = useAssetGraph(caseId);
  if (graph.isPending) return <PageSpin />;
  if (graph.isError) return <QueryError error={graph.error} onRetry={() => graph.refetch()} />;
  if (graph.data.nodes.length <= 1) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <GraphCanvas graph={graph.data} />;
}

function GraphCanvas({ graph }: { graph: TGraph }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const categories = [
      { name: t('inquiry.graph.respondent') },
      { name: t('inquiry.graph.asset') },
      { name: t('inquiry.graph.controlled') },
      { name: t('inquiry.graph.person') },
      { name: t('inquiry.graph.company') },
    ];
    chart.setOption({
      tooltip: { formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
      legend: [{ data: categories.map((c) => c.name), bottom: 0 }],
      color: ['#c0392b', '#1677ff', '#52c41a', '#8e44ad', '#fa8c16'],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          categories,
          force: { repulsion: 420, edgeLength: [90, 200] },
          label: { show: true, position: 'right', fontSize: 11, width: 180, overflow: 'truncate' },
          edgeLabel: {
            show: true,
            fontSize: 10,
            formatter: (p: { data?: { label?: string } }) => p.data?.label ?? '',
          },
          lineStyle: { color: '#aaa', curveness: 0.1 },
          data: graph.nodes.map((n) => ({
            id: n.id,
            name: n.label,
            category: n.kind === 'asset' && n.isControlled ? 2 : categoryOf[n.kind],
            symbolSize: n.kind === 'respondent' ? 46 : n.kind === 'asset' ? 26 : 32,
            tip: n.valueFen !== undefined ? `${n.label}<br/>¥${formatYuan(n.valueFen)}` : n.label,
          })),
          // Ownership is what every asset edge means; only relations (shareholder 30% …) carry a label.
          links: graph.links.map((l) => ({
            source: l.source,
            target: l.target,
            label: l.kind === 'owns' ? '' : l.label,
          })),
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [graph, t]);
  return <div ref={ref} style={{ height: 520, width: '100%' }} data-testid="asset-graph" />;
}
