import { Alert, App, Segmented } from 'antd';
import { useState } from 'react';
import {
  type DisbursementView,
  type TCourtDisbursement,
  useApproveDisbursement,
  useCourtDisbursements,
} from '../../api/funds.ts';
import { hasAnyRole, useCurrentUser } from '../../app/current-user.tsx';
import { describeError } from '../../components/error-text.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { RejectDisbursementModal } from '../workbench/case-detail/funds/reject-disbursement-modal.tsx';
import { CourtDisbursementsTable } from './court-disbursements-table.tsx';

/**
 * 待审批: the court's proposals waiting for a leader, across cases. A court leader approves or
 * rejects them here (the server allows it to leaders of the case's court: the list is of their
 * own court); the officers see the same list read-only.
 */
export function PendingTab() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const pending = useCourtDisbursements('pending');
  const approve = useApproveDisbursement();
  const [rejecting, setRejecting] = useState<TCourtDisbursement | null>(null);
  const canDecide = hasAnyRole(user, 'courtLeader');
  if (pending.isError && !pending.data)
    return <QueryError error={pending.error} onRetry={() => pending.refetch()} />;

  const handleApprove = (d: TCourtDisbursement) =>
    approve.mutate(
      { disbursementId: d.id, caseId: d.caseId },
      {
        onSuccess: (after) =>
          message.success(
            after.state === 'pendingApproval'
              ? t('funds.disbursement.approvalsCount', { n: after.approvals, m: after.requiredApprovals })
              : `${d.caseNumber} · ${t('funds.disbursement.approved')}`,
          ),
        onError: (error) => message.error(describeError(error, i18n)),
      },
    );

  return (
    <>
      <Alert
        type={canDecide ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={canDecide ? t('funds.desk.pendingHint') : t('funds.desk.pendingReadOnly')}
      />
      <CourtDisbursementsTable
        items={pending.data ?? []}
        loading={pending.isPending}
        emptyText={t('funds.desk.pendingEmpty')}
        decisions={
          canDecide
            ? {
                approvingId: approve.isPending ? (approve.variables?.disbursementId ?? null) : null,
                onApprove: handleApprove,
                onReject: setRejecting,
              }
            : undefined
        }
      />
      <RejectDisbursementModal disbursement={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}

type SettledView = Exclude<DisbursementView, 'pending'>;
const settledViews: SettledView[] = ['inFlight', 'paid', 'failed', 'rejected'];

/** 发放记录: the court's disbursements past the leader — with the bank, paid, failed, rejected. */
export function DisbursementsTab() {
  const { t } = useI18n();
  const [view, setView] = useState<SettledView>('inFlight');
  const list = useCourtDisbursements(view);
  const label = (v: SettledView) =>
    v === 'inFlight' ? t('funds.desk.view.inFlight') : t(`funds.state.${v}`);

  return (
    <>
      <Segmented<SettledView>
        value={view}
        onChange={setView}
        options={settledViews.map((v) => ({ value: v, label: label(v) }))}
        style={{ marginBottom: 12 }}
        data-testid="disbursement-view"
      />
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <CourtDisbursementsTable
          items={list.data ?? []}
          loading={list.isPending}
          emptyText={t('funds.desk.disbursementsEmpty')}
        />
      )}
    </>
  );
}
