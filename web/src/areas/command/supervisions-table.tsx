import { Button, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { TSupervision } from '../../api/command.ts';
import { useI18n } from '../../i18n/index.ts';
import { supervisionStateColor, supervisionStateKey } from './labels.ts';

function Reports({ supervision }: { supervision: TSupervision }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} style={{ paddingInline: 8 }}>
      <div>
        <Typography.Text type="secondary">{t('command.supervise.demands')}：</Typography.Text>
        <Typography.Text>{supervision.demands}</Typography.Text>
      </div>
      {supervision.reports.length === 0 ? (
        <Typography.Text type="secondary">{t('command.report.none')}</Typography.Text>
      ) : (
        <Timeline
          style={{ marginBottom: -16 }}
          items={supervision.reports.map((report, index) => ({
            key: `${report.reportedOn}-${index}`,
            color: report.isLate ? 'red' : 'blue',
            content: (
              <div data-testid="supervision-report">
                <Typography.Text type="secondary" className="tabular-nums">
                  {report.reportedOn} · {report.reportedBy}
                  {report.isLate ? ` · ${t('command.report.late')}` : ''}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{report.text}</div>
              </div>
            ),
          }))}
        />
      )}
    </Flex>
  );
}

/**
 * Supervisions (督办) with their demands and reports, for the ledger and a case's page; the case's
 * team reports from here.
 */
export function SupervisionsTable({
  items,
  loading,
  courtNames,
  canReport,
  onReport,
  showCase = true,
}: {
  items: readonly TSupervision[];
  loading?: boolean;
  courtNames?: ReadonlyMap<string, string>;
  canReport?: (supervision: TSupervision) => boolean;
  onReport?: (supervision: TSupervision) => void;
  showCase?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table<TSupervision>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...items]}
      scroll={{ x: 1240 }}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('command.supervision.empty') }}
      expandable={{
        expandedRowRender: (s) => <Reports supervision={s} />,
        defaultExpandAllRows: !showCase,
      }}
      data-testid="supervisions-table"
      columns={[
        ...(showCase
          ? [
              {
                key: 'case',
                title: t('command.caseNumber'),
                width: 200,
                render: (_: unknown, s: TSupervision) => (
                  <Link to={`/cases/${s.caseId}?tab=command`} className="tabular-nums">
                    {s.caseNumber}
                  </Link>
                ),
              },
              {
                key: 'court',
                title: t('command.court'),
                width: 160,
                ellipsis: true,
                render: (_: unknown, s: TSupervision) => courtNames?.get(s.courtId) ?? '—',
              },
            ]
          : []),
        {
          key: 'demands',
          title: t('command.supervise.demands'),
          width: 220,
          ellipsis: true,
          render: (_, s) => s.demands,
        },
        {
          key: 'openedBy',
          title: t('command.supervision.openedBy'),
          width: 180,
          ellipsis: true,
          render: (_, s) => (
            <span>
              {courtNames?.get(s.openedByCourtId) ? `${courtNames.get(s.openedByCourtId)} · ` : ''}
              {s.openedBy}
            </span>
          ),
        },
        { key: 'openedOn', title: t('command.supervision.openedOn'), dataIndex: 'openedOn', width: 104 },
        { key: 'dueDate', title: t('command.supervision.dueDate'), dataIndex: 'dueDate', width: 104 },
        {
          key: 'state',
          title: t('command.state'),
          width: 150,
          render: (_, s) => (
            <Flex gap={4} wrap>
              <Tag
                color={supervisionStateColor[s.state]}
                data-testid="supervision-state"
                data-state={s.state}
              >
                {t(supervisionStateKey(s.state))}
              </Tag>
              {s.isOverdue ? <Tag color="error">{t('command.overdue')}</Tag> : null}
              {s.escalatedOn ? <Tag color="volcano">{t('command.supervision.escalated')}</Tag> : null}
            </Flex>
          ),
        },
        {
          key: 'latestReport',
          title: t('command.supervision.latestReport'),
          ellipsis: true,
          render: (_, s) => {
            const latest = s.reports.at(-1);
            if (!latest)
              return <Typography.Text type="secondary">{t('command.report.none')}</Typography.Text>;
            return (
              <span title={latest.text}>
                <Typography.Text type="secondary" className="tabular-nums">
                  {latest.reportedOn}
                </Typography.Text>{' '}
                {latest.text}
              </span>
            );
          },
        },
        ...(onReport
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 96,
                fixed: 'right' as const,
                render: (_: unknown, s: TSupervision) =>
                  canReport?.(s) ? (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      onClick={() => onReport(s)}
                      data-testid={`report-${s.id}`}
                    >
                      {t('command.report.button')}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
