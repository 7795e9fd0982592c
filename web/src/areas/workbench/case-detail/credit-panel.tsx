import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../src/modules/cases/contracts.ts';
import type {
  TCorrectionGround,
  TRespondentCredit,
  TRestrictedPerson,
} from '../../../../../src/modules/credit/contracts.ts';
import {
  deletionGrounds,
  liftGrounds,
  useApproveEntry,
  useCaseCredit,
  useDelistEntry,
  useLiftExit,
  useLiftRestriction,
  useRecordNoGround,
  useRefuseEntry,
  useRevokeEntry,
} from '../../../api/credit.ts';
import { hasAnyRole, useCurrentUser } from '../../../app/current-user.tsx';
import { PageSpin } from '../../../app/page-spin.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { CreditCorrectionModal, CreditDecideCorrectionModal } from './credit-correction-modal.tsx';
import { CreditEntryItem, type EntryAction } from './credit-entry-item.tsx';
import { CreditListModal } from './credit-list-modal.tsx';
import { CreditReasonModal, type ReasonValues } from './credit-reason-modal.tsx';
import { CreditExitItem, CreditRestrictionItem } from './credit-restriction-item.tsx';
import { CreditExitModal, CreditRestrictionModal } from './credit-restriction-modal.tsx';
import { CreditSignModal } from './credit-sign-modal.tsx';
import { CreditSpendingModal } from './credit-spending-modal.tsx';

type ReasonDialog =
  | { kind: 'refuse' | 'delist' | 'revoke'; id: string }
  | { kind: 'lift' | 'liftExit'; id: string }
  | { kind: 'noGround'; id: string };

/** 信用惩戒 on the case page: per respondent, the listings, restrictions and exit restrictions, and every action. */
export function CreditPanel({ detail }: { detail: TCaseDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const credit = useCaseCredit(detail.id);
  const [listing, setListing] = useState<TRespondentCredit | null>(null);
  const [restricting, setRestricting] = useState<TRespondentCredit | null>(null);
  const [exiting, setExiting] = useState<TRespondentCredit | null>(null);
  const [spending, setSpending] = useState<TRestrictedPerson | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ id: string; ground: TCorrectionGround } | null>(null);
  const [reason, setReason] = useState<ReasonDialog | null>(null);
  const [signing, setSigning] = useState<string | null>(null);
  const approve = useApproveEntry(detail.id);
  const refuse = useRefuseEntry(detail.id);
  const delist = useDelistEntry(detail.id);
  const revoke = useRevokeEntry(detail.id);
  const lift = useLiftRestriction(detail.id);
  const liftExit = useLiftExit(detail.id);
  const noGround = useRecordNoGround(detail.id);

  if (credit.isPending) return <PageSpin />;
  if (credit.isError) return <QueryError error={credit.error} onRetry={() => credit.refetch()} />;
  const data = credit.data;
  const isOpen = detail.status !== 'closed';
  const canPropose =
    isOpen && (data.canSign || (detail.isTeamMember && hasAnyRole(user, 'judge', 'assistant')));
  const canDecide = data.canSign || (detail.isTeamMember && hasAnyRole(user, 'judge'));

  const done = () => {
    message.success(t('credit.done'));
    setReason(null);
  };
  const reasonMutation = reason ? { refuse, delist, revoke, lift, liftExit, noGround }[reason.kind] : null;
  const submitReason = (v: ReasonValues) => {
    if (!reason) return;
    const options = { onSuccess: done };
    if (reason.kind === 'refuse') refuse.mutate({ entryId: reason.id, reason: v.reason }, options);
    if (reason.kind === 'revoke') revoke.mutate({ entryId: reason.id, reason: v.reason }, options);
    if (reason.kind === 'delist') {
      const ground = deletionGrounds.find((g) => g === v.choice) ?? 'applicantRequest';
      delist.mutate({ entryId: reason.id, reason: v.reason, ground }, options);
    }
    if (reason.kind === 'lift') {
      const ground = liftGrounds.find((g) => g === v.choice) ?? 'performed';
      lift.mutate({ restrictionId: reason.id, ground, reason: v.reason }, options);
    }
    if (reason.kind === 'liftExit') liftExit.mutate({ exitId: reason.id, reason: v.reason }, options);
    if (reason.kind === 'noGround') noGround.mutate({ respondentId: reason.id, reason: v.reason }, options);
  };
  const onEntryAction =
    (r: TRespondentCredit, entryId: string) => (action: EntryAction, correctionId?: string) => {
      if (action === 'approve') setSigning(entryId);
      else if (action === 'correction') setCorrecting(entryId);
      else if (action === 'decideCorrection' && correctionId) {
        const request = r.entries.flatMap((e) => e.corrections).find((c) => c.id === correctionId);
        if (request) setDeciding({ id: correctionId, ground: request.ground });
      } else if (action === 'refuse' || action === 'delist' || action === 'revoke')
        setReason({ kind: action, id: entryId });
    };

  return (
    <div data-testid="credit-panel">
      <CreditSignModal
        entryId={signing}
        isSigning={approve.isPending}
        onClose={() => setSigning(null)}
        onSign={(entryId) =>
          approve.mutate(entryId, {
            onSuccess: () => {
              setSigning(null);
              message.success(t('credit.approved'));
            },
            onError: (e) => message.error(i18n.pickMessage(e.message)),
          })
        }
      />
      {!data.canSign && data.respondents.some((r) => r.entries.some((e) => e.state === 'pendingApproval')) ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('credit.needLeader')} />
      ) : null}
      {data.respondents.map((r) => {
        const activeRestriction = r.restrictions.some((x) => x.state === 'active');
        const liveEntry = r.entries.some((e) => e.state === 'listed' || e.state === 'pendingApproval');
        const activeExit = r.exitRestrictions.some((x) => x.state === 'active');
        const isEmpty =
          r.entries.length === 0 && r.restrictions.length === 0 && r.exitRestrictions.length === 0;
        return (
          <Card
            key={r.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid="credit-respondent"
            title={
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                <Typography.Text type="secondary" className="tabular-nums">
                  {r.idNumber ?? r.creditCode ?? ''}
                </Typography.Text>
                {r.entries.some((e) => e.state === 'listed') ? (
                  <Tag color="red">{t('credit.state.listed')}</Tag>
                ) : null}
                {activeRestriction ? <Tag color="orange">{t('credit.restrictions')}</Tag> : null}
                {activeExit ? <Tag color="purple">{t('credit.exits')}</Tag> : null}
              </Flex>
            }
            extra={
              canPropose ? (
                <Flex gap={6} wrap>
                  {!liveEntry ? (
                    <Button
                      size="small"
                      danger
                      icon={<StopOutlined />}
                      onClick={() => setListing(r)}
                      data-testid="credit-list-button"
                    >
                      {t('credit.list')}
                    </Button>
                  ) : null}
                  {!activeRestriction ? (
                    <Button
                      size="small"
                      onClick={() => setRestricting(r)}
                      data-testid="credit-restrict-button"
                    >
                      {t('credit.restrict')}
                    </Button>
                  ) : null}
                  {!activeExit && canDecide ? (
                    <Button size="small" onClick={() => setExiting(r)}>
                      {t('credit.restrictExit')}
                    </Button>
                  ) : null}
                  {!liveEntry && !r.noGroundFinding && canDecide ? (
                    <Button
                      size="small"
                      type="text"
                      onClick={() => setReason({ kind: 'noGround', id: r.id })}
                    >
                      {t('credit.noGround')}
                    </Button>
                  ) : null}
                </Flex>
              ) : null
            }
          >
            {r.noGroundFinding ? (
              <Typography.Paragraph type="secondary">
                {t('credit.noGroundRecorded', { reason: r.noGroundFinding.reason })}
              </Typography.Paragraph>
            ) : null}
            {isEmpty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credit.none')} /> : null}
            {r.entries.map((e) => (
              <CreditEntryItem
                key={e.id}
                entry={e}
                canSign={data.canSign}
                canDecide={canDecide}
                onAction={onEntryAction(r, e.id)}
              />
            ))}
            {r.restrictions.map((x) => (
              <CreditRestrictionItem
                key={x.id}
                restriction={x}
                canDecide={canDecide}
                onLift={() => setReason({ kind: 'lift', id: x.id })}
                onSpending={setSpending}
              />
            ))}
            {r.exitRestrictions.map((x) => (
              <CreditExitItem
                key={x.id}
                exit={x}
                canDecide={canDecide}
                onLift={() => setReason({ kind: 'liftExit', id: x.id })}
              />
            ))}
          </Card>
        );
      })}
      <CreditListModal caseId={detail.id} respondent={listing} onClose={() => setListing(null)} />
      <CreditRestrictionModal
        caseId={detail.id}
        respondent={restricting}
        onClose={() => setRestricting(null)}
      />
      <CreditExitModal caseId={detail.id} respondent={exiting} onClose={() => setExiting(null)} />
      <CreditSpendingModal caseId={detail.id} person={spending} onClose={() => setSpending(null)} />
      <CreditCorrectionModal caseId={detail.id} entryId={correcting} onClose={() => setCorrecting(null)} />
      <CreditDecideCorrectionModal
        caseId={detail.id}
        requestId={deciding?.id ?? null}
        ground={deciding?.ground ?? null}
        onClose={() => setDeciding(null)}
      />
      <CreditReasonModal
        isOpen={reason !== null}
        title={
          reason
            ? t(
                (
                  {
                    refuse: 'credit.refuse',
                    delist: 'credit.delist',
                    revoke: 'credit.revoke',
                    lift: 'credit.lift',
                    liftExit: 'credit.lift',
                    noGround: 'credit.noGround',
                  } as const
                )[reason.kind],
              )
            : ''
        }
        isDanger={reason?.kind === 'revoke'}
        choiceLabel={reason?.kind === 'lift' ? t('credit.liftGround') : t('credit.deletionGround')}
        choices={
          reason?.kind === 'delist'
            ? deletionGrounds.map((g) => ({ value: g, label: t(`credit.deletion.${g}`) }))
            : reason?.kind === 'lift'
              ? liftGrounds.map((g) => ({ value: g, label: t(`credit.liftGround.${g}`) }))
              : undefined
        }
        isPending={reasonMutation?.isPending ?? false}
        error={reasonMutation?.error ?? null}
        onSubmit={submitReason}
        onClose={() => {
          reasonMutation?.reset();
          setReason(null);
        }}
      />
    </div>
  );
}
