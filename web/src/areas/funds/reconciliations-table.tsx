import { Table, Tag, Typography } from 'antd';
import { formatYuan } from '../../../../src/kernel/index.ts';
import type { TDifference, TReconciliation } from '../../api/funds.ts';
import { AccountNumber } from '../../components/account-number.tsx';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import {
  differenceKindColor,
  differenceKindKey,
  directionKey,
  reconciliationStateColor,
  reconciliationStateKey,
} from './labels.ts';

/** One side's total: shown in red when the bank and the ledger disagree on it. */
function Total({ fen, isOff }: { fen: number; isOff: boolean }) {
  return isOff ? (
    <Typography.Text type="danger" strong className="tabular-nums">
      ¥{formatYuan(fen)}
    </Typography.Text>
  ) : (
    <MoneyText fen={fen} />
  );
}

/** 对账结果: each statement date, bank against ledger, the differences listed under the row. */
export function ReconciliationsTable({
  items,
  loading,
  expanded,
  onExpandedChange,
}: {
  items: TReconciliation[];
  loading: boolean;
  expanded: string[];
  onExpandedChange: (dates: string[]) => void;
}) {
  const { t } = useI18n();
  const isInOff = (r: TReconciliation) => r.bankInFen !== r.ledgerInFen;
  const isOutOff = (r: TReconciliation) => r.bankOutFen !== r.ledgerOutFen;
  return (
    <Table<TReconciliation>
      rowKey="statementDate"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('funds.recon.empty') }}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      data-testid="funds-reconciliations"
      expandable={{
        expandedRowKeys: expanded,
        onExpandedRowsChange: (keys) => onExpandedChange(keys.map(String)),
        rowExpandable: (r) => r.differences.length > 0,
        expandedRowRender: (r) => <DifferencesTable differences={r.differences} />,
      }}
      columns={[
        {
          key: 'date',
          title: t('funds.recon.date'),
          width: 110,
          render: (_, r) => <span className="tabular-nums">{r.statementDate}</span>,
        },
        {
          key: 'state',
          title: t('funds.recon.state'),
          width: 90,
          render: (_, r) => (
            <Tag
              color={reconciliationStateColor[r.state]}
              data-testid="reconciliation-state"
              data-state={r.state}
            >
              {t(reconciliationStateKey(r.state))}
            </Tag>
          ),
        },
        {
          key: 'in',
          title: t('funds.recon.in'),
          children: [
            {
              key: 'bankIn',
              title: t('funds.recon.bank'),
              align: 'right',
              width: 125,
              render: (_, r) => <Total fen={r.bankInFen} isOff={isInOff(r)} />,
            },
            {
              key: 'ledgerIn',
              title: t('funds.recon.ledger'),
              align: 'right',
              width: 125,
              render: (_, r) => <Total fen={r.ledgerInFen} isOff={isInOff(r)} />,
            },
          ],
        },
        {
          key: 'out',
          title: t('funds.recon.out'),
          children: [
            {
              key: 'bankOut',
              title: t('funds.recon.bank'),
              align: 'right',
              width: 125,
              render: (_, r) => <Total fen={r.bankOutFen} isOff={isOutOff(r)} />,
            },
            {
              key: 'ledgerOut',
              title: t('funds.recon.ledger'),
              align: 'right',
              width: 125,
              render: (_, r) => <Total fen={r.ledgerOutFen} isOff={isOutOff(r)} />,
            },
          ],
        },
        {
          key: 'differences',
          title: t('funds.recon.differences'),
          width: 90,
          align: 'right',
          render: (_, r) =>
            r.differences.length > 0 ? (
              <Typography.Text type="danger" className="tabular-nums">
                {t('funds.recon.differenceCount', { n: r.differences.length })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          key: 'account',
          title: t('funds.recon.account'),
          width: 150,
          render: (_, r) => <AccountNumber value={r.accountNumber} />,
        },
        {
          key: 'checkedAt',
          title: t('funds.recon.checkedAt'),
          width: 140,
          render: (_, r) => <span className="tabular-nums">{formatDateTime(r.checkedAt)}</span>,
        },
      ]}
    />
  );
}

function DifferencesTable({ differences }: { differences: TDifference[] }) {
  const { t } = useI18n();
  return (
    <Table<TDifference>
      rowKey={(d) => `${d.direction}:${d.key}`}
      size="small"
      dataSource={differences}
      pagination={false}
      data-testid="reconciliation-differences"
      columns={[
        {
          key: 'kind',
          title: t('funds.recon.kind'),
          width: 160,
          render: (_, d) => (
            <Tag color={differenceKindColor[d.kind]} data-kind={d.kind}>
              {t(differenceKindKey(d.kind))}
            </Tag>
          ),
        },
        {
          key: 'direction',
          title: t('funds.recon.direction'),
          width: 70,
          render: (_, d) => t(directionKey(d.direction)),
        },
        {
          key: 'key',
          title: t('funds.recon.key'),
          render: (_, d) => (
            <Typography.Text copyable className="tabular-nums">
              {d.key}
            </Typography.Text>
          ),
        },
        {
          key: 'bank',
          title: t('funds.recon.bankAmount'),
          align: 'right',
          width: 150,
          render: (_, d) => <MoneyText fen={d.bankFen} />,
        },
        {
          key: 'ledger',
          title: t('funds.recon.ledgerAmount'),
          align: 'right',
          width: 150,
          render: (_, d) => <MoneyText fen={d.ledgerFen} />,
        },
      ]}
    />
  );
}
