import { CheckOutlined, CloseOutlined, FlagOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { TPayoutDelay } from '../../../../api/funds.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { payoutDelayReasonKey, payoutDelayStateColor, payoutDelayStateKey } from './labels.ts';

/** A delay, with its case number where the list spans cases (the funds desk). */
export type DelayRow = TPayoutDelay & { caseNumber?: string };

/** A leader's approve and reject buttons on pending rows (leaders of the case's court). */
export type DelayDecisions = {
  busyId: string | null;
  onApprove: (d: DelayRow) => void;
  onReject: (d: DelayRow) => void;
};

type Props = {
  items: DelayRow[];
  loading?: boolean;
  emptyText: string;
  decisions?: DelayDecisions | undefined;
  /** The case team records that an approved delay's reason has ended. */
  onEnd?: ((d: DelayRow) => void) | undefined;
  endingId?: string | null;
};

/**
 * 延期发放 (执行款物管理规定 art. 15): each request, its reason, the leader's decision and, once
 * its reason ended, the day the money is due (10 days on). Approving and recording the end change
 * the payout deadline, so each asks once for confirmation.
 */
export function PayoutDelaysTable({ items, loading, emptyText, decisions, onEnd, endingId }: Props) {
  const { t } = useI18n();
  const hasCase = items.some((d) => d.caseNumber !== undefined);
  const hasActions = decisions !== undefined || onEnd !== undefined;
  return (
    <Table<DelayRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 900 }}
      locale={{ emptyText }}
      data-testid="payout-delays"
      columns={[
        ...(hasCase
          ? [
              {
                key: 'caseNumber',
                title: t('funds.desk.caseNumber'),
                width: 230,
                render: (_: unknown, d: DelayRow) => (
                  <Link to={`/cases/${d.caseId}?tab=funds`} className="tabular-nums">
                    {d.caseNumber}
                  </Link>
                ),
              },
            ]
          : []),
        {
          key: 'requestedAt',
          title: t('funds.delay.requestedAt'),
          width: 150,
          render: (_, d) => <span className="tabular-nums">{formatDateTime(d.requestedAt)}</span>,
        },
        {
          key: 'reason',
          title: t('funds.delay.reason'),
          width: 220,
          render: (_, d) => (
            <Flex vertical>
              <span>{t(payoutDelayReasonKey(d.reason))}</span>
              <Typography.Text type="secondary" ellipsis={{ tooltip: d.note }} style={{ maxWidth: 220 }}>
                {d.note}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'state',
          title: t('funds.delay.state'),
          width: 120,
          render: (_, d) => {
            const tag = (
              <Tag
                color={payoutDelayStateColor[d.state]}
                data-testid="payout-delay-state"
                data-state={d.state}
              >
                {t(payoutDelayStateKey(d.state))}
              </Tag>
            );
            return d.rejectionReason ? (
              <Tooltip title={t('funds.delay.rejectionReason', { reason: d.rejectionReason })}>{tag}</Tooltip>
            ) : (
              tag
            );
          },
        },
        {
          key: 'approvedOn',
          title: t('funds.delay.approvedOn'),
          width: 110,
          render: (_, d) => <span className="tabular-nums">{d.approvedOn ?? '—'}</span>,
        },
        {
          key: 'endedOn',
          title: t('funds.delay.endedOn'),
          width: 120,
          render: (_, d) => <span className="tabular-nums">{d.endedOn ?? '—'}</span>,
        },
        {
          key: 'dueOn',
          title: t('funds.delay.dueOn'),
          width: 110,
          render: (_, d) => (
            <Typography.Text
              strong={d.dueOn !== null}
              className="tabular-nums"
              data-testid="payout-delay-due"
            >
              {d.dueOn ?? '—'}
            </Typography.Text>
          ),
        },
        ...(hasActions
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 190,
                render: (_: unknown, d: DelayRow) => {
                  if (d.state === 'pendingApproval' && decisions)
                    return (
                      <Flex gap={6}>
                        <Popconfirm
                          title={t('funds.delay.approveConfirm', {
                            reason: t(payoutDelayReasonKey(d.reason)),
                          })}
                          description={d.caseNumber}
                          okText={t('funds.delay.approve')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => decisions.onApprove(d)}
                        >
                          <Button
                            size="small"
                            type="primary"
                            icon={<CheckOutlined />}
                            loading={decisions.busyId === d.id}
                            data-testid="payout-delay-approve"
                          >
                            {t('funds.delay.approve')}
                          </Button>
                        </Popconfirm>
                        <Button
                          size="small"
                          danger
                          icon={<CloseOutlined />}
                          onClick={() => decisions.onReject(d)}
                          data-testid="payout-delay-reject"
                        >
                          {t('funds.delay.reject')}
                        </Button>
                      </Flex>
                    );
                  if (d.state === 'approved' && onEnd)
                    return (
                      <Popconfirm
                        title={t('funds.delay.endConfirm')}
                        okText={t('funds.delay.end')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => onEnd(d)}
                      >
                        <Button
                          size="small"
                          icon={<FlagOutlined />}
                          loading={endingId === d.id}
                          data-testid="payout-delay-end"
                        >
                          {t('funds.delay.end')}
                        </Button>
                      </Popconfirm>
                    );
                  return null;
                },
              },
            ]
          : []),
      ]}
    />
  );
}
