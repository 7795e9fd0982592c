import { Table } from 'antd';
import type { TReportItem } from '../api/procedures.ts';
import { useI18n } from '../i18n/index.ts';
import { MoneyText } from './money-text.tsx';

/** The reported items: kind, description, institution, number, value, day of change. */
export function ReportItemsTable({ items }: { items: TReportItem[] }) {
  const { t } = useI18n();
  return (
    <Table<TReportItem>
      rowKey={(item) => `${item.kind}:${item.description}:${item.identifier ?? ''}:${item.changedOn ?? ''}`}
      size="small"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={items}
      locale={{ emptyText: t('reports.noItems') }}
      columns={[
        { key: 'kind', title: t('reports.kind'), render: (_, i) => t(`reports.kind.${i.kind}`) },
        { key: 'description', title: t('reports.description'), dataIndex: 'description' },
        { key: 'institution', title: t('reports.institution'), render: (_, i) => i.institution ?? '—' },
        {
          key: 'identifier',
          title: t('reports.identifier'),
          render: (_, i) => <span className="tabular-nums">{i.identifier ?? '—'}</span>,
        },
        { key: 'value', title: t('reports.value'), render: (_, i) => <MoneyText fen={i.valueFen} /> },
        {
          key: 'changedOn',
          title: t('reports.changedOn'),
          render: (_, i) => <span className="tabular-nums">{i.changedOn ?? '—'}</span>,
        },
      ]}
    />
  );
}
