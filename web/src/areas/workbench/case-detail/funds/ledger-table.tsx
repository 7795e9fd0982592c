import { Table, Typography } from 'antd';
import type { TCaseFunds } from '../../../../../../src/modules/funds/contracts.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { ledgerAccountKey, ledgerKindKey } from './labels.ts';

type Entry = TCaseFunds['entries'][number];

/**
 * 分户账: the case's lines of the double-entry ledger, journal by journal. A line is signed (debit
 * +, credit −), so it shows in the debit or the credit column.
 */
export function LedgerTable({ entries, partyNames }: { entries: Entry[]; partyNames: Map<string, string> }) {
  const { t } = useI18n();
  return (
    <Table<Entry>
      rowKey={(e) => `${e.journalId}:${e.account}:${e.partyId ?? ''}:${e.amountFen}`}
      size="small"
      dataSource={entries}
      pagination={entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
      scroll={{ x: 980 }}
      locale={{ emptyText: t('funds.ledger.empty') }}
      data-testid="funds-ledger"
      columns={[
        {
          key: 'seq',
          title: t('funds.ledger.seq'),
          dataIndex: 'seq',
          width: 90,
          render: (seq: number) => <span className="tabular-nums">{seq}</span>,
        },
        {
          key: 'time',
          title: t('funds.ledger.time'),
          width: 150,
          render: (_, e) => <span className="tabular-nums">{formatDateTime(e.createdAt)}</span>,
        },
        {
          key: 'kind',
          title: t('funds.ledger.kind'),
          width: 110,
          render: (_, e) => {
            const key = ledgerKindKey(e.kind);
            return key ? t(key) : e.kind;
          },
        },
        {
          key: 'account',
          title: t('funds.ledger.account'),
          width: 150,
          render: (_, e) => {
            const key = ledgerAccountKey(e.account);
            return key ? t(key) : e.account;
          },
        },
        {
          key: 'party',
          title: t('funds.ledger.party'),
          width: 140,
          ellipsis: true,
          render: (_, e) => (e.partyId ? (partyNames.get(e.partyId) ?? '—') : ''),
        },
        {
          key: 'debit',
          title: t('funds.ledger.debit'),
          align: 'right',
          width: 140,
          render: (_, e) => (e.amountFen > 0 ? <MoneyText fen={e.amountFen} /> : null),
        },
        {
          key: 'credit',
          title: t('funds.ledger.credit'),
          align: 'right',
          width: 140,
          render: (_, e) => (e.amountFen < 0 ? <MoneyText fen={-e.amountFen} /> : null),
        },
        {
          key: 'reference',
          title: t('funds.ledger.reference'),
          ellipsis: true,
          render: (_, e) => (
            <Typography.Text type="secondary" className="tabular-nums">
              {e.reference}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
