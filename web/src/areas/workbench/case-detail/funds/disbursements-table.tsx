import { CheckOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import { isInFlight, type TCaseDisbursement } from '../../../../api/funds.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { disbursementStateColor, disbursementStateKey } from './labels.ts';

/** 发放记录: each proposal, its state on the way to the bank, and the leader's decision. */
export function DisbursementsTable({
  disbursements,
  canApprove,
  approvingId,
  onApprove,
  onReject,
}: {
  disbursements: TCaseDisbursement[];
  canApprove: boolean;
  approvingId: string | null;
  onApprove: (d: TCaseDisbursement) => void;
  onReject: (d: TCaseDisbursement) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<TCaseDisbursement>
      rowKey="id"
      size="small"
      dataSource={disbursements}
      pagination={disbursements.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('funds.disbursements.empty') }}
      data-testid="funds-disbursements"
      columns={[
        {
          key: 'proposedAt',
          title: t('funds.disbursement.proposedAt'),
          width: 150,
          render: (_, d) => <span className="tabular-nums">{formatDateTime(d.proposedAt)}</span>,
        },
        { key: 'payee', title: t('funds.payee'), dataIndex: 'payeeName', ellipsis: true },
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
          width: 130,
          render: (_, d) => {
            const tag = (
              <Tag
                color={disbursementStateColor[d.state]}
                icon={isInFlight(d.state) ? <LoadingOutlined /> : undefined}
                data-testid="disbursement-state"
                data-state={d.state}
              >
                {t(disbursementStateKey(d.state))}
              </Tag>
            );
            const hint = d.failureReason ?? (isInFlight(d.state) ? t('funds.disbursement.inFlight') : null);
            return hint ? <Tooltip title={hint}>{tag}</Tooltip> : tag;
          },
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
          key: 'settledAt',
          title: t('funds.disbursement.settledAt'),
          width: 150,
          render: (_, d) => <span className="tabular-nums">{formatDateTime(d.settledAt) || '—'}</span>,
        },
        ...(canApprove
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 200,
                render: (_: unknown, d: TCaseDisbursement) =>
                  d.state === 'pendingApproval' ? (
                    <Flex gap={6}>
                      <Popconfirm
                        title={t('funds.disbursement.approveConfirm', {
                          payee: d.payeeName,
                          amount: formatYuan(d.amountFen),
                        })}
                        okText={t('funds.disbursement.approve')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => onApprove(d)}
                      >
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          loading={approvingId === d.id}
                          data-testid="disbursement-approve"
                        >
                          {t('funds.disbursement.approve')}
                        </Button>
                      </Popconfirm>
                      <Button
                        size="small"
                        danger
                        icon={<CloseOutlined />}
                        onClick={() => onReject(d)}
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
