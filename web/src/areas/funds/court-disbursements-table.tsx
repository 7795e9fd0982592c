import { CheckOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatYuan } from '../../../../src/kernel/index.ts';
import { isInFlight, type TCourtDisbursement } from '../../api/funds.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { disbursementStateColor, disbursementStateKey } from '../workbench/case-detail/funds/labels.ts';

/** Approve and reject buttons on pending rows, for a leader of the court. */
export type Decisions = {
  approvingId: string | null;
  onApprove: (d: TCourtDisbursement) => void;
  onReject: (d: TCourtDisbursement) => void;
};

type Props = { items: TCourtDisbursement[]; loading: boolean; emptyText: string; decisions?: Decisions };

/** The court's disbursements across cases, each linked to its case's funds tab. */
export function CourtDisbursementsTable({ items, loading, emptyText, decisions }: Props) {
  const { t } = useI18n();
  return (
    <Table<TCourtDisbursement>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: 1100 }}
      locale={{ emptyText }}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      data-testid="funds-court-disbursements"
      columns={[
        {
          key: 'caseNumber',
          title: t('funds.desk.caseNumber'),
          width: 230,
          render: (_, d) => (
            <Link
              to={`/cases/${d.caseId}?tab=funds`}
              className="tabular-nums"
              data-testid="disbursement-case"
            >
              {d.caseNumber}
            </Link>
          ),
        },
        { key: 'payee', title: t('funds.payee'), dataIndex: 'payeeName', ellipsis: true, width: 200 },
        {
          key: 'amount',
          title: t('funds.receipt.amount'),
          align: 'right',
          width: 150,
          render: (_, d) => <MoneyText fen={d.amountFen} strong />,
        },
        {
          key: 'state',
          title: t('funds.disbursement.state'),
          width: 120,
          render: (_, d) => (
            <Tag
              color={disbursementStateColor[d.state]}
              icon={isInFlight(d.state) ? <LoadingOutlined /> : undefined}
              data-testid="disbursement-state"
              data-state={d.state}
            >
              {t(disbursementStateKey(d.state))}
            </Tag>
          ),
        },
        {
          key: 'approvals',
          title: t('funds.disbursement.approvals'),
          width: 120,
          render: (_, d) => (
            <Typography.Text type="secondary" className="tabular-nums" data-testid="disbursement-approvals">
              {t('funds.disbursement.approvalsCount', { n: d.approvals, m: d.requiredApprovals })}
            </Typography.Text>
          ),
        },
        {
          key: 'proposedAt',
          title: t('funds.disbursement.proposedAt'),
          width: 150,
          render: (_, d) => <span className="tabular-nums">{formatDateTime(d.proposedAt)}</span>,
        },
        ...(decisions
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 200,
                fixed: 'right' as const,
                render: (_: unknown, d: TCourtDisbursement) =>
                  d.state === 'pendingApproval' ? (
                    <Flex gap={6}>
                      <Popconfirm
                        title={t('funds.disbursement.approveConfirm', {
                          payee: d.payeeName,
                          amount: formatYuan(d.amountFen),
                        })}
                        description={d.caseNumber}
                        okText={t('funds.disbursement.approve')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => decisions.onApprove(d)}
                      >
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          loading={decisions.approvingId === d.id}
                          data-testid="disbursement-approve"
                        >
                          {t('funds.disbursement.approve')}
                        </Button>
                      </Popconfirm>
                      <Button
                        size="small"
                        danger
                        icon={<CloseOutlined />}
                        onClick={() => decisions.onReject(d)}
                        data-testid="disbursement-reject"
                      >
                        {t('funds.disbursement.reject')}
                      </Button>
                    </Flex>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
