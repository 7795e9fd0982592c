import { EditOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import { availableFen, type TCasePayee } from '../../../../api/funds.ts';
import { AccountNumber } from '../../../../components/account-number.tsx';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';

/**
 * 收款人: each applicant, what the case owes them, and the bank account payouts go to. The team
 * records accounts; a leader of the case's court may lodge what is left in escrow (提存).
 */
export function PayeesTable({
  payees,
  canEdit,
  onEdit,
  canEscrow,
  onEscrow,
}: {
  payees: TCasePayee[];
  canEdit: boolean;
  onEdit: (payee: TCasePayee) => void;
  canEscrow: boolean;
  onEscrow: (payee: TCasePayee) => void;
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
          render: (_, p) => (
            <span data-testid="payee-payable" data-fen={p.payableFen}>
              <MoneyText fen={p.payableFen} />
            </span>
          ),
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
          render: (_, p) => (
            <span data-testid="payee-available" data-fen={availableFen(p)}>
              <MoneyText fen={availableFen(p)} strong />
            </span>
          ),
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
        ...(canEdit || canEscrow
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: canEdit && canEscrow ? 200 : 120,
                render: (_: unknown, p: TCasePayee) => (
                  <Flex gap={8} wrap>
                    {canEdit ? (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => onEdit(p)}
                        data-testid={`payee-edit-${p.partyId}`}
                      >
                        {t('funds.payee.editAccount')}
                      </Button>
                    ) : null}
                    {canEscrow ? (
                      <Button
                        size="small"
                        icon={<SafetyOutlined />}
                        disabled={availableFen(p) === 0}
                        onClick={() => onEscrow(p)}
                        data-testid={`payee-escrow-${p.partyId}`}
                      >
                        {t('funds.escrow')}
                      </Button>
                    ) : null}
                  </Flex>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
