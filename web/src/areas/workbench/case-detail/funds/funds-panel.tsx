import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Flex } from 'antd';
import { useMemo, useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import {
  isInFlight,
  type TCaseDisbursement,
  type TCasePayee,
  useApproveDisbursement,
  useCaseFunds,
} from '../../../../api/funds.ts';
import { hasAnyRole, useCurrentUser } from '../../../../app/current-user.tsx';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { describeError } from '../../../../components/error-text.ts';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { AllocateForm } from './allocate-form.tsx';
import { DisbursementsTable } from './disbursements-table.tsx';
import { DistributionCard } from './distribution-card.tsx';
import { EscrowModal } from './escrow-modal.tsx';
import { FundsOverview } from './funds-overview.tsx';
import { LedgerTable } from './ledger-table.tsx';
import { PayeeAccountModal } from './payee-account-modal.tsx';
import { PayeesTable } from './payees-table.tsx';
import { PayoutDelaysCard } from './payout-delays-card.tsx';
import { ProposeDisbursementForm } from './propose-disbursement-form.tsx';
import { ReceiptsTable } from './receipts-table.tsx';
import { RejectDisbursementModal } from './reject-disbursement-modal.tsx';

/**
 * 执行款 on the case page (一案一账号): the account number payers use, the balances and the 30-day
 * light, the payees' accounts, money in and out, the ledger; the team proposes payouts and a
 * leader of the case's court approves them, or lodges money in escrow (提存). Money a case with
 * several applicants holds unallocated is divided by the judge or such a leader (决定分配); money
 * allocated as refund is paid back to a respondent the same way (退还被执行人), and a payout that
 * cannot be made in 30 days waits on an approved delay (延期发放). While the bank pays, the tab
 * follows it by itself.
 */
export function FundsPanel({ detail }: { detail: TCaseDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const funds = useCaseFunds(detail.id);
  const approve = useApproveDisbursement();
  const [editing, setEditing] = useState<TCasePayee | null>(null);
  const [rejecting, setRejecting] = useState<TCaseDisbursement | null>(null);
  const [escrowing, setEscrowing] = useState<TCasePayee | null>(null);
  const partyNames = useMemo(
    () => new Map([...detail.applicants, ...detail.respondents].map((p) => [p.id, p.name])),
    [detail.applicants, detail.respondents],
  );

  if (funds.isPending) return <PageSpin />;
  if (funds.isError) return <QueryError error={funds.error} onRetry={() => funds.refetch()} />;
  const data = funds.data;
  const isTeam = detail.isTeamMember;
  // The server allows approval and escrow (提存) to a court leader of the case's own court only.
  const canApprove = hasAnyRole(user, 'courtLeader') && user.court.id === detail.court.id;
  // 决定分配: the case judge or such a leader (the server's rule too).
  const canAllocate = canApprove || (detail.team.judge !== null && detail.team.judge.id === user.id);
  const hasPending = data.disbursements.some((d) => d.state === 'pendingApproval');
  const hasInFlight = data.disbursements.some((d) => isInFlight(d.state));

  const handleApprove = (d: TCaseDisbursement) =>
    approve.mutate(
      { disbursementId: d.id, caseId: detail.id },
      {
        onSuccess: (after) =>
          message.success(
            after.state === 'pendingApproval'
              ? t('funds.disbursement.approvalsCount', { n: after.approvals, m: after.requiredApprovals })
              : t('funds.disbursement.approved'),
          ),
        onError: (error) => message.error(describeError(error, i18n)),
      },
    );

  return (
    <Flex vertical gap={12} data-testid="funds-panel">
      <Flex justify="flex-end">
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={funds.isFetching}
          onClick={() => funds.refetch()}
          data-testid="funds-refresh"
        >
          {t('funds.refresh')}
        </Button>
      </Flex>
      <FundsOverview funds={data} />
      <PayoutDelaysCard caseId={detail.id} funds={data} isTeam={isTeam} canApprove={canApprove} />
      {hasInFlight ? <Alert type="info" showIcon title={t('funds.disbursement.inFlight')} /> : null}
      {hasPending && !canApprove ? (
        <Alert type="warning" showIcon title={t('funds.disbursement.needLeader')} />
      ) : null}
      {canAllocate && data.balances.unallocatedFen > 0 && data.payees.length > 0 ? (
        <AllocateForm caseId={detail.id} funds={data} />
      ) : null}
      <DistributionCard detail={detail} />
      <Card size="small" title={t('funds.payees')}>
        <PayeesTable
          payees={data.payees}
          canEdit={isTeam}
          onEdit={setEditing}
          canEscrow={canApprove}
          onEscrow={setEscrowing}
        />
      </Card>
      {isTeam ? (
        <ProposeDisbursementForm
          caseId={detail.id}
          payees={data.payees}
          respondents={detail.respondents}
          funds={data}
        />
      ) : null}
      <Card size="small" title={`${t('funds.receipts')} (${data.receipts.length})`}>
        <ReceiptsTable receipts={data.receipts} />
      </Card>
      <Card size="small" title={`${t('funds.disbursements')} (${data.disbursements.length})`}>
        <DisbursementsTable
          disbursements={data.disbursements}
          canApprove={canApprove}
          approvingId={approve.isPending ? (approve.variables?.disbursementId ?? null) : null}
          onApprove={handleApprove}
          onReject={setRejecting}
        />
      </Card>
      <Collapse
        size="small"
        items={[
          {
            key: 'ledger',
            label: `${t('funds.ledger')} (${data.entries.length})`,
            children: <LedgerTable entries={data.entries} partyNames={partyNames} />,
          },
        ]}
      />
      <PayeeAccountModal caseId={detail.id} payee={editing} onClose={() => setEditing(null)} />
      <EscrowModal caseId={detail.id} payee={escrowing} onClose={() => setEscrowing(null)} />
      <RejectDisbursementModal
        disbursement={rejecting ? { ...rejecting, caseId: detail.id } : null}
        onClose={() => setRejecting(null)}
      />
    </Flex>
  );
}
