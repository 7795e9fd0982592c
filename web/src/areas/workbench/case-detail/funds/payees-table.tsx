import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { availableFen, type TCasePayee } from '../../../../api/funds.ts';
import { AccountNumber } from '../../../../components/account-number.tsx';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';

/** 收款人: each applicant, what the case owes them, and the bank account payouts go to. */
export function PayeesTable({
  payees,
  canEdit,
  onEdit,
}: {
  payees: TCasePayee[];
  canEdit: boolean;
  onEdit: (payee: TCasePayee) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<TCasePayee>
      rowKey="partyId"
      size="small"
      pagination={false}
      dataSource={payees}
      scroll={{ x: 900 }}
      data-testid="funds-payees"
      columns={[
        { key: 'name', title: t('funds.payee'), dataIndex: 'name', width: 180 },
        {
          key: 'payable',
          title: t('funds.payee.payable'),
          align: 'right',
          width: 140,
          render: (_, p) => <MoneyText fen={p.payableFen} />,
        },
        {
          key: 'reserved',
          title: t('funds.payee.reserved'),
          align: 'right',
          width: 140,
          render: (_, p) => <MoneyText fen={p.reservedFen} type="secondary" />,
        },
        {
          key: 'available',
          title: t('funds.payee.available'),
          align: 'right',
          width: 140,
          render: (_, p) => <MoneyText fen={availableFen(p)} strong />,
        },
        {
          key: 'account',
          title: t('funds.payee.bankAccount'),
          render: (_, p) =>
            p.bankAccount ? (
              <div>
                <AccountNumber value={p.bankAccount.accountNumber} />
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.bankAccount.accountName} · {p.bankAccount.bankName}
                </Typography.Text>
              </div>
            ) : (
              <Typography.Text type="warning">{t('funds.payee.noAccount')}</Typography.Text>
            ),
        },
        ...(canEdit
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 120,
                render: (_: unknown, p: TCasePayee) => (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => onEdit(p)}
                    data-testid={`payee-edit-${p.partyId}`}
                  >
                    {t('funds.payee.editAccount')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
