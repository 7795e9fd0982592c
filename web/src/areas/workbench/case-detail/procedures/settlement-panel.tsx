import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { type TSettlement, useDefaultSettlement, useSettlements } from '../../../../api/procedures.ts';
import { useCurrentUser } from '../../../../app/current-user.tsx';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { describeError } from '../../../../components/error-text.ts';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { PaymentModal } from './payment-modal.tsx';
import { SettlementCard } from './settlement-card.tsx';
import { SettlementForm } from './settlement-form.tsx';

/**
 * 执行和解 on the case page: the case judge or assistant records a settlement (enforcement is
 * suspended), its payments, and its default (the original enforcement resumes). The case's status
 * tag follows: every change reads the case again.
 */
export function SettlementPanel({ detail }: { detail: TCaseDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const settlements = useSettlements(detail.id);
  const declareDefault = useDefaultSettlement(detail.id);
  const [isCreating, setCreating] = useState(false);
  const [paying, setPaying] = useState<TSettlement | null>(null);
  // The server lets the case judge or assistant handle a settlement.
  const canHandle = [detail.team.judge?.id, detail.team.assistant?.id].includes(user.id);

  if (settlements.isPending) return <PageSpin />;
  if (settlements.isError)
    return <QueryError error={settlements.error} onRetry={() => settlements.refetch()} />;
  const items = settlements.data.items;
  const hasActive = items.some((s) => s.status === 'active');

  const handleDefault = (s: TSettlement) =>
    modal.confirm({
      title: t('settlement.defaultTitle'),
      content: t('settlement.defaultText', { paid: formatYuan(s.paidFen) }),
      okText: t('settlement.default'),
      okButtonProps: { danger: true, 'data-testid': 'settlement-default-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        declareDefault
          .mutateAsync({ settlementId: s.id, body: {} })
          .then(() => {
            message.success(t('settlement.defaulted'));
          })
          .catch((error: unknown) => {
            message.error(describeError(error, i18n));
          }),
    });

  return (
    <Flex vertical gap={12} data-testid="settlement-panel">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: 1, minWidth: 280 }}>
          {t('settlement.intro')}
        </Typography.Paragraph>
        {/* The server refuses a settlement on a closed or already suspended case. */}
        {canHandle && !hasActive && detail.status !== 'closed' && detail.status !== 'suspended' ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="settlement-create"
          >
            {t('settlement.create')}
          </Button>
        ) : null}
      </Flex>
      {items.length === 0 ? <Empty description={t('settlement.none')} /> : null}
      {items.map((s) => (
        <SettlementCard
          key={s.id}
          settlement={s}
          canHandle={canHandle}
          onPay={setPaying}
          onDefault={handleDefault}
        />
      ))}
      <SettlementForm caseId={detail.id} isOpen={isCreating} onClose={() => setCreating(false)} />
      <PaymentModal caseId={detail.id} settlement={paying} onClose={() => setPaying(null)} />
    </Flex>
  );
}
