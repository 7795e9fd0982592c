import { Table, Tag } from 'antd';
import type { TCaseFunds } from '../../../../../../src/modules/funds/contracts.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { receiptSourceKey } from './labels.ts';

type Receipt = TCaseFunds['receipts'][number];

/** 到账记录: every payment booked to the case, once per bank serial. */
export function ReceiptsTable({ receipts }: { receipts: Receipt[] }) {
  const { t } = useI18n();
  return (
    <Table<Receipt>
      rowKey="id"
      size="small"
      dataSource={receipts}
      pagination={receipts.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('funds.receipts.empty') }}
      data-testid="funds-receipts"
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
          render: (_, r) => <MoneyText fen={r.amountFen} strong type="success" />,
        },
        { key: 'payer', title: t('funds.receipt.payer'), dataIndex: 'payerName', ellipsis: true },
        {
          key: 'source',
          title: t('funds.receipt.source'),
          width: 110,
          render: (_, r) => {
            const key = receiptSourceKey(r.source);
            return <Tag>{key ? t(key) : r.source}</Tag>;
          },
        },
        {
          key: 'serial',
          title: t('funds.receipt.serial'),
          dataIndex: 'serial',
          width: 220,
          ellipsis: true,
          render: (serial: string) => <span className="tabular-nums">{serial}</span>,
        },
      ]}
    />
  );
}
