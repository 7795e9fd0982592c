import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TEntrustment } from '../../api/command.ts';
import { useI18n } from '../../i18n/index.ts';
import { entrustmentStateColor, entrustmentStateKey, matterKey } from './labels.ts';

function Names({ items }: { items: readonly { name: string }[] }) {
  const { lang } = useI18n();
  if (items.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const names = items.map((item) => (lang === 'zh' ? `《${item.name}》` : item.name));
  return <span>{names.join(lang === 'zh' ? '、' : ', ')}</span>;
}

function EntrustmentDetails({ entrustment: e }: { entrustment: TEntrustment }) {
  const { t } = useI18n();
  const by = (name: string | null, on: string | null) => (on ? `${on} · ${name ?? ''}` : '—');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="entrustment-details"
      items={[
        { key: 'details', label: t('command.entrust.details'), span: 2, children: e.details },
        { key: 'documents', label: t('command.entrust.documents'), children: <Names items={e.documents} /> },
        {
          key: 'requested',
          label: t('command.entrust.requested'),
          children: by(e.requestedBy, e.requestedOn),
        },
        { key: 'accepted', label: t('command.entrust.accepted'), children: by(e.acceptedBy, e.acceptedOn) },
        {
          key: 'completed',
          label: t('command.entrust.completed'),
          children: by(e.completedBy, e.completedOn),
        },
        {
          key: 'result',
          label: t('command.entrust.result'),
          span: 2,
          children: e.result ? (
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="entrustment-result">
              {e.result}
            </span>
          ) : (
            '—'
          ),
        },
        { key: 'receipts', label: t('command.entrust.receipts'), children: <Names items={e.receipts} /> },
      ]}
    />
  );
}

/**
 * Entrustments (事项委托) with their matter, the other court and their state; details, documents
 * and the receiving court's result unfold below a row. `actions` renders a row's buttons.
 */
export function EntrustmentsTable<T extends TEntrustment>({
  items,
  loading,
  counterpart,
  counterpartTitle,
  actions,
  showCase = true,
  canOpenCase,
  testId = 'entrustments-table',
}: {
  items: readonly T[];
  loading?: boolean;
  /** Which court the "court" column names: the one asked (outgoing) or the one asking (incoming). */
  counterpart: (e: T) => string;
  counterpartTitle: string;
  actions?: (e: T) => ReactNode;
  showCase?: boolean;
  /** The sending court sees the case; the receiving court only the matter and its documents. */
  canOpenCase?: (e: T) => boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Table<T>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...items]}
      scroll={{ x: 960 }}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('command.entrust.empty') }}
      expandable={{ expandedRowRender: (e) => <EntrustmentDetails entrustment={e} /> }}
      data-testid={testId}
      columns={[
        ...(showCase
          ? [
              {
                key: 'case',
                title: t('command.caseNumber'),
                width: 200,
                className: 'tabular-nums',
                render: (_: unknown, e: T) =>
                  canOpenCase?.(e) ? (
                    <Link to={`/cases/${e.caseId}?tab=command`}>{e.caseNumber}</Link>
                  ) : (
                    e.caseNumber
                  ),
              },
            ]
          : []),
        {
          key: 'matter',
          title: t('command.entrust.matter'),
          width: 110,
          render: (_, e) => <Tag color="geekblue">{t(matterKey(e.matter))}</Tag>,
        },
        {
          key: 'court',
          title: counterpartTitle,
          width: 190,
          ellipsis: true,
          render: (_, e) => counterpart(e),
        },
        { key: 'details', title: t('command.entrust.details'), ellipsis: true, render: (_, e) => e.details },
        { key: 'dueDate', title: t('command.entrust.dueDate'), dataIndex: 'dueDate', width: 104 },
        {
          key: 'state',
          title: t('command.state'),
          width: 130,
          render: (_, e) => (
            <Flex gap={4} wrap>
              <Tag
                color={entrustmentStateColor[e.state]}
                data-testid="entrustment-state"
                data-state={e.state}
              >
                {t(entrustmentStateKey(e.state))}
              </Tag>
              {e.isOverdue ? <Tag color="error">{t('command.overdue')}</Tag> : null}
            </Flex>
          ),
        },
        ...(actions
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 96,
                fixed: 'right' as const,
                render: (_: unknown, e: T) => actions(e),
              },
            ]
          : []),
      ]}
    />
  );
}
