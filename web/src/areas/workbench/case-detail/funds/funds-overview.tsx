import { BankOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Badge, Card, Descriptions, Flex, Statistic, Tooltip, Typography } from 'antd';
import { calendarDaysBetween, formatYuan } from '../../../../../../src/kernel/index.ts';
import type { TCaseFunds } from '../../../../../../src/modules/funds/contracts.ts';
import { AccountNumber } from '../../../../components/account-number.tsx';
import { DeadlineTag } from '../../../../components/deadline-tag.tsx';
import { MoneyText } from '../../../../components/money-text.tsx';
import { type MessageKey, useI18n } from '../../../../i18n/index.ts';
import { serverToday } from '../../../../lib/server-clock.ts';
import { payoutLightColor, payoutLightKey } from './labels.ts';

type BalanceKey = keyof TCaseFunds['balances'];

/** The buckets in the order money moves through them: in, fee, to pay, paid, and the rest. */
const balanceCards: { key: BalanceKey; label: MessageKey; testId: string }[] = [
  { key: 'receivedFen', label: 'funds.balance.received', testId: 'funds-balance-received' },
  { key: 'feesFen', label: 'funds.balance.fees', testId: 'funds-balance-fees' },
  { key: 'payableFen', label: 'funds.balance.payable', testId: 'funds-balance-payable' },
  { key: 'paidFen', label: 'funds.balance.paid', testId: 'funds-balance-paid' },
  { key: 'escrowFen', label: 'funds.balance.escrow', testId: 'funds-balance-escrow' },
  { key: 'refundFen', label: 'funds.balance.refund', testId: 'funds-balance-refund' },
  { key: 'unallocatedFen', label: 'funds.balance.unallocated', testId: 'funds-balance-unallocated' },
];

/** The case account number, the 30-day payout light and the balances. */
export function FundsOverview({ funds }: { funds: TCaseFunds }) {
  const { t } = useI18n();
  const { payout, balances, claim } = funds;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <BankOutlined /> {t('funds.account')}
            </Typography.Text>
            <div style={{ fontSize: 24, lineHeight: '36px' }}>
              <AccountNumber
                value={funds.accountNumber}
                copyable
                strong
                style={{ fontSize: 24, letterSpacing: 1 }}
                testId="funds-account-number"
              />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('funds.accountHint')}
            </Typography.Text>
          </div>
          <div data-testid="funds-payout" data-light={payout?.light ?? 'none'}>
            <Typography.Text type="secondary">
              {t('funds.payout')}{' '}
              <Tooltip title={t('funds.payout.rule')}>
                <InfoCircleOutlined />
              </Tooltip>
            </Typography.Text>
            {payout ? (
              <Flex align="center" gap={8} wrap style={{ marginTop: 4 }}>
                <Badge
                  status={payoutLightColor[payout.light]}
                  text={<Typography.Text strong>{t(payoutLightKey(payout.light))}</Typography.Text>}
                />
                <DeadlineTag
                  daysLeft={calendarDaysBetween(serverToday(), payout.dueOn)}
                  unit="calendarDays"
                  dueOn={payout.dueOn}
                />
                <Typography.Text type="secondary" className="tabular-nums">
                  {t('funds.payout.detail', { arrivedOn: payout.arrivedOn, dueOn: payout.dueOn })}
                </Typography.Text>
              </Flex>
            ) : (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{t('funds.payout.none')}</Typography.Text>
              </div>
            )}
          </div>
        </Flex>
      </Card>
      <Flex gap={12} wrap>
        {balanceCards.map((card) => (
          <Card key={card.key} size="small" style={{ flex: '1 1 140px', minWidth: 140 }}>
            <Statistic
              title={t(card.label)}
              value={balances[card.key]}
              formatter={() => <span className="tabular-nums">¥{formatYuan(balances[card.key])}</span>}
              styles={{ content: { fontSize: 20 } }}
              data-testid={card.testId}
              data-fen={balances[card.key]}
            />
          </Card>
        ))}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 5 }}
        items={[
          {
            key: 'fee',
            label: t('funds.enforcementFee'),
            children: <MoneyText fen={funds.enforcementFeeFen} />,
          },
          {
            key: 'principal',
            label: t('funds.claimPrincipal'),
            children: <MoneyText fen={claim.principalFen} />,
          },
          {
            key: 'principalAllocated',
            label: t('funds.principalAllocated'),
            children: <MoneyText fen={claim.principalAllocatedFen} />,
          },
          {
            key: 'interest',
            label: t('funds.interestAccrued'),
            children: <MoneyText fen={claim.interestAccruedFen} />,
          },
          {
            key: 'interestAllocated',
            label: t('funds.interestAllocated'),
            children: <MoneyText fen={claim.interestAllocatedFen} />,
          },
        ]}
      />
    </Flex>
  );
}
