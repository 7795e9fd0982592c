import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import type { TCaseFunds } from '../../../../../../src/modules/funds/contracts.ts';
import { openPayoutDelay, useApprovePayoutDelay, useEndPayoutDelay } from '../../../../api/funds.ts';
import { describeError } from '../../../../components/error-text.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { payoutDelayReasonKey } from './labels.ts';
import { PayoutDelayModal } from './payout-delay-modal.tsx';
import { type DelayRow, PayoutDelaysTable } from './payout-delays-table.tsx';
import { RejectPayoutDelayModal } from './reject-payout-delay-modal.tsx';

/**
 * 延期发放 on the case's funds tab (执行款物管理规定 art. 15): the team requests a delay while money
 * waits to be paid out and records when its reason ends; a leader of the case's court decides.
 */
export function PayoutDelaysCard({
  caseId,
  funds,
  isTeam,
  canApprove,
}: {
  caseId: string;
  funds: TCaseFunds;
  isTeam: boolean;
  canApprove: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const approve = useApprovePayoutDelay();
  const end = useEndPayoutDelay();
  const [isRequesting, setRequesting] = useState(false);
  const [rejecting, setRejecting] = useState<DelayRow | null>(null);
  const open = openPayoutDelay(funds);
  const isWaiting = funds.balances.payableFen + funds.balances.unallocatedFen > 0;
  if (funds.payoutDelays.length === 0 && !(isTeam && isWaiting)) return null;

  const handleApprove = (d: DelayRow) =>
    approve.mutate(
      { delayId: d.id, caseId },
      {
        onSuccess: () => message.success(t('funds.delay.approved')),
        onError: (error) => message.error(describeError(error, i18n)),
      },
    );
  const handleEnd = (d: DelayRow) =>
    end.mutate(
      { delayId: d.id, caseId },
      {
        onSuccess: (after) => message.success(t('funds.delay.endedDue', { dueOn: after.dueOn ?? '' })),
        onError: (error) => message.error(describeError(error, i18n)),
      },
    );

  return (
    <Card
      size="small"
      title={`${t('funds.delay.title')} (${funds.payoutDelays.length})`}
      data-testid="funds-payout-delays"
      extra={
        isTeam && isWaiting && !open ? (
          <Button
            size="small"
            icon={<ClockCircleOutlined />}
            onClick={() => setRequesting(true)}
            data-testid="payout-delay-request"
          >
            {t('funds.delay.request')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        {open?.state === 'approved' ? (
          <Alert
            type="info"
            showIcon
            title={t('funds.delay.inForce', { reason: t(payoutDelayReasonKey(open.reason)) })}
          />
        ) : null}
        {open?.state === 'pendingApproval' && !canApprove ? (
          <Alert type="warning" showIcon title={t('funds.delay.needLeader')} />
        ) : null}
        <PayoutDelaysTable
          items={funds.payoutDelays}
          emptyText={t('funds.delay.empty')}
          decisions={
            canApprove
              ? {
                  busyId: approve.isPending ? (approve.variables?.delayId ?? null) : null,
                  onApprove: handleApprove,
                  onReject: setRejecting,
                }
              : undefined
          }
          onEnd={isTeam ? handleEnd : undefined}
          endingId={end.isPending ? (end.variables?.delayId ?? null) : null}
        />
      </Flex>
      <PayoutDelayModal caseId={caseId} open={isRequesting} onClose={() => setRequesting(false)} />
      <RejectPayoutDelayModal delay={rejecting} onClose={() => setRejecting(null)} />
    </Card>
  );
}
