import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { type TUnmatchedItem, useUnmatched } from '../../api/funds.ts';
import { AccountNumber } from '../../components/account-number.tsx';
import { MoneyText } from '../../components/money-text.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { ClaimUnmatchedModal } from './claim-unmatched-modal.tsx';

/**
 * 待认领款项: money whose account number names no case of ours, each claimed for the case it was
 * meant for.
 */
export function UnmatchedTab() {
  const { t } = useI18n();
  const unmatched = useUnmatched();
  const [claiming, setClaiming] = useState<TUnmatchedItem | null>(null);
  if (unmatched.isError && !unmatched.data)
    return <QueryError error={unmatched.error} onRetry={() => unmatched.refetch()} />;
  const items = unmatched.data?.items ?? [];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('funds.desk.unmatchedHint')}</Typography.Paragraph>
      <Table<TUnmatchedItem>
        rowKey="id"
        size="middle"
        loading={unmatched.isPending}
        dataSource={items}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('funds.desk.unmatchedEmpty') }}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        data-testid="funds-unmatched"
        columns={[
          {
            key: 'receivedAt',
            title: t('funds.receipt.receivedAt'),
            width: 150,
            render: (_, r) => <span className="tabular-nums">{formatDateTime(r.receivedAt)}</span>,
          },
          {
            key: 'amount',
            title: t('funds.receipt.amount'),
            align: 'right',
            width: 150,
            render: (_, r) => <MoneyText fen={r.amountFen} strong />,
          },
          {
            key: 'payer',
            title: t('funds.receipt.payer'),
            dataIndex: 'payerName',
            width: 200,
            ellipsis: true,
          },
          {
            key: 'payerAccount',
            title: t('funds.desk.payerAccount'),
            width: 230,
            render: (_, r) => <AccountNumber value={r.payerAccount} />,
          },
          {
            key: 'toAccount',
            title: t('funds.desk.toAccount'),
            width: 250,
            render: (_, r) => <AccountNumber value={r.toAccount} />,
          },
          {
            key: 'serial',
            title: t('funds.receipt.serial'),
            dataIndex: 'serial',
            width: 200,
            ellipsis: true,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            fixed: 'right',
            render: (_, r) => (
              <Button
                size="small"
                type="primary"
                onClick={() => setClaiming(r)}
                data-testid={`claim-${r.serial}`}
              >
                {t('funds.desk.claim')}
              </Button>
            ),
          },
        ]}
      />
      <ClaimUnmatchedModal item={claiming} onClose={() => setClaiming(null)} />
    </>
  );
}
