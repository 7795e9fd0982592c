import { Alert, App, Segmented } from 'antd';
import { useState } from 'react';
import { type TPayoutDelayState, useApprovePayoutDelay, useCourtPayoutDelays } from '../../api/funds.ts';
import { hasAnyRole, useCurrentUser } from '../../app/current-user.tsx';
import { describeError } from '../../components/error-text.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { payoutDelayStateKey } from '../workbench/case-detail/funds/labels.ts';
import { type DelayRow, PayoutDelaysTable } from '../workbench/case-detail/funds/payout-delays-table.tsx';
import { RejectPayoutDelayModal } from '../workbench/case-detail/funds/reject-payout-delay-modal.tsx';

const states: TPayoutDelayState[] = ['pendingApproval', 'approved', 'ended', 'rejected'];

/**
 * 延期审批: the court's payout delays across cases (执行款物管理规定 art. 15). A court leader
 * approves or rejects those waiting (the server allows it to leaders of the case's court: the list
 * is of their own court); the officers see the same lists read-only.
 */
export function PayoutDelaysTab() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [state, setState] = useState<TPayoutDelayState>('pendingApproval');
  const list = useCourtPayoutDelays(state);
  const approve = useApprovePayoutDelay();
  const [rejecting, setRejecting] = useState<DelayRow | null>(null);
  const canDecide = hasAnyRole(user, 'courtLeader');

  const handleApprove = (d: DelayRow) =>
    approve.mutate(
      { delayId: d.id, caseId: d.caseId },
      {
        onSuccess: () => message.success(`${d.caseNumber ?? ''} · ${t('funds.delay.approved')}`),
        onError: (error) => message.error(describeError(error, i18n)),
      },
    );

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('funds.desk.delaysHint')} />
      <Segmented<TPayoutDelayState>
        value={state}
        onChange={setState}
        options={states.map((s) => ({ value: s, label: t(payoutDelayStateKey(s)) }))}
        style={{ marginBottom: 12 }}
        data-testid="payout-delay-view"
      />
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <PayoutDelaysTable
          items={list.data?.items ?? []}
          loading={list.isPending}
          emptyText={t('funds.desk.delaysEmpty')}
          decisions={
            canDecide && state === 'pendingApproval'
              ? {
                  busyId: approve.isPending ? (approve.variables?.delayId ?? null) : null,
                  onApprove: handleApprove,
                  onReject: setRejecting,
                }
              : undefined
          }
        />
      )}
      <RejectPayoutDelayModal delay={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
