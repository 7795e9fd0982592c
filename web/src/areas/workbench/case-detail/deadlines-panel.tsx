import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { TDeadline, TDeadlineState } from '../../../../../src/modules/cases/contracts.ts';
import { DeadlineTag } from '../../../components/deadline-tag.tsx';
import { useI18n } from '../../../i18n/index.ts';

const colorByState: Record<TDeadlineState, string> = { open: 'processing', met: 'success', overdue: 'error' };

/** Open and overdue first, nearest first; then the ones already met. */
function sortDeadlines(deadlines: TDeadline[]): TDeadline[] {
  const rank = (deadline: TDeadline) => (deadline.state === 'met' ? 1 : 0);
  return [...deadlines].sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn));
}

export function DeadlinesPanel({ deadlines }: { deadlines: TDeadline[] }) {
  const { t, pick } = useI18n();
  const columns: TableColumnsType<TDeadline> = [
    {
      key: 'label',
      title: t('case.deadlines.label'),
      render: (_value, deadline) => pick(deadline.label) || deadline.kind,
    },
    {
      key: 'startOn',
      title: t('case.deadlines.startOn'),
      dataIndex: 'startOn',
      width: 120,
      className: 'tabular-nums',
    },
    {
      key: 'dueOn',
      title: t('case.deadlines.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      className: 'tabular-nums',
    },
    {
      key: 'daysLeft',
      title: t('case.deadlines.daysLeft'),
      width: 130,
      render: (_value, deadline) =>
        deadline.state === 'met' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <DeadlineTag daysLeft={deadline.daysLeft} unit="workingDays" />
        ),
    },
    {
      key: 'state',
      title: t('case.deadlines.state'),
      width: 170,
      render: (_value, deadline) => (
        <>
          <Tag color={colorByState[deadline.state]}>{t(`deadlineState.${deadline.state}`)}</Tag>
          {deadline.metOn ? (
            <Typography.Text type="secondary" className="tabular-nums">
              {deadline.metOn}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Table<TDeadline>
      data-testid="deadline-table"
      size="small"
      rowKey={(deadline) => `${deadline.kind}-${deadline.startOn}-${deadline.dueOn}`}
      columns={columns}
      dataSource={sortDeadlines(deadlines)}
      pagination={false}
      locale={{ emptyText: t('case.deadlines.empty') }}
    />
  );
}
