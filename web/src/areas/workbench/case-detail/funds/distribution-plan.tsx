import { Alert, App, Button, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import {
  type TDistribution,
  type TDistributionPlan,
  type TDistributionShare,
  useAnswerObjection,
  useDraftPlan,
  useExecutePlan,
  useFinalisePlan,
  useServePlan,
} from '../../../../api/funds-distribution.ts';
import { describeError } from '../../../../components/error-text.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { DistributionFilingForm, type FilingKind } from './distribution-filing-form.tsx';
import {
  type DistributionText,
  planStateColor,
  planStateText,
  priorityText,
  useDistributionText,
} from './distribution-labels.ts';
import { DistributionObjectionForm } from './distribution-objection-form.tsx';

/** The shares of a plan (or of what a draft would say), each beside its claim. */
function SharesTable({ shares }: { shares: TDistributionShare[] }) {
  const tx = useDistributionText();
  const hasLodged = shares.some((s) => s.lodgedFen > 0);
  return (
    <Table<TDistributionShare>
      rowKey="applicationId"
      size="small"
      pagination={false}
      dataSource={shares}
      data-testid="distribution-shares"
      columns={[
        { key: 'creditor', title: tx('creditor'), dataIndex: 'creditorName', ellipsis: true },
        {
          key: 'priority',
          title: tx('priority'),
          width: 110,
          render: (_, s) => <Tag>{tx(priorityText(s.priority))}</Tag>,
        },
        {
          key: 'claim',
          title: tx('claim'),
          align: 'right',
          render: (_, s) => <MoneyText fen={s.claimFen} />,
        },
        {
          key: 'share',
          title: tx('share'),
          align: 'right',
          render: (_, s) => (
            <span data-testid={`distribution-share-${s.applicationId}`} data-fen={s.amountFen}>
              <MoneyText fen={s.amountFen} strong />
            </span>
          ),
        },
        ...(hasLodged
          ? [
              {
                key: 'lodged',
                title: tx('lodgedShare'),
                align: 'right' as const,
                render: (_: unknown, s: TDistributionShare) => <MoneyText fen={s.lodgedFen} />,
              },
            ]
          : []),
      ]}
    />
  );
}

/** Which steps the plan's state allows; the server checks each again, with its periods. */
function stepsOf(state: TDistributionPlan['state'] | null) {
  return {
    canDraft: state === null || ['drafted', 'unopposed', 'final', 'executed'].includes(state),
    canServe: state === 'drafted',
    canObject: state === 'served' || state === 'objected',
    canAnswer: state === 'objected',
    canSue: state === 'opposed',
    canFinalise: state !== null && ['served', 'unopposed', 'opposed', 'sued'].includes(state),
    canExecute: state === 'final',
  };
}

/**
 * 分配方案 on the card: the plan (or, with none open, what a draft would say), its state and
 * deadlines, the objections, and the next steps — the team's filings and service, the judge's or
 * leader's draft, finality and execution. Each act with legal effect is confirmed once.
 */
export function DistributionPlan({
  detail,
  data,
  isTeam,
  canDecide,
}: {
  detail: TCaseDetail;
  data: TDistribution;
  isTeam: boolean;
  canDecide: boolean;
}) {
  const i18n = useI18n();
  const tx = useDistributionText();
  const { message, modal } = App.useApp();
  const caseId = detail.id;
  const draft = useDraftPlan(caseId);
  const serve = useServePlan(caseId);
  const answer = useAnswerObjection(caseId);
  const finalise = useFinalisePlan(caseId);
  const execute = useExecutePlan(caseId);
  const [objecting, setObjecting] = useState(false);
  const [filing, setFiling] = useState<FilingKind | null>(null);
  const [respondentPartyId, setRespondentPartyId] = useState<string | undefined>(
    detail.respondents.length === 1 ? detail.respondents[0]?.id : undefined,
  );
  const plan = data.plan;
  const isOpen = plan !== null && plan.state !== 'executed';
  const steps = stepsOf(plan?.state ?? null);
  const nameOf = new Map(data.applications.map((a) => [a.id, a.creditorName]));

  const confirmThen = (title: DistributionText, content: DistributionText, run: () => Promise<unknown>) =>
    modal.confirm({
      title: tx(title),
      content: tx(content),
      okText: tx(title),
      onOk: () =>
        run().then(
          () => message.success(tx('done')),
          (error: unknown) => message.error(describeError(error, i18n)),
        ),
    });

  // What the card shows: the open plan; else what a draft would say now; else the last executed plan.
  const shown = isOpen || !data.preview ? plan : null;
  const summary = shown ?? data.preview;
  const shares = shown ? shown.shares : (data.preview?.shares ?? []);
  const deadlines = shown?.deadlines;

  return (
    <Flex vertical gap={8} data-testid="distribution-plan">
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{tx('plan')}</Typography.Text>
        {shown ? (
          <Tag color={planStateColor[shown.state]} data-testid="distribution-plan-state">
            {tx(planStateText(shown.state))}
          </Tag>
        ) : null}
        {!shown && data.preview ? <Typography.Text type="secondary">{tx('preview')}</Typography.Text> : null}
      </Flex>
      {summary ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'costs', label: tx('costs'), children: <MoneyText fen={summary.costsFen} /> },
            { key: 'refund', label: tx('refund'), children: <MoneyText fen={summary.refundFen} /> },
            ...(shown?.servedOn ? [{ key: 'served', label: tx('servedOn'), children: shown.servedOn }] : []),
            ...(deadlines?.objectionDueOn
              ? [{ key: 'objection', label: tx('objectionDue'), children: deadlines.objectionDueOn }]
              : []),
            ...(deadlines?.oppositionDueOn
              ? [{ key: 'opposition', label: tx('oppositionDue'), children: deadlines.oppositionDueOn }]
              : []),
            ...(deadlines?.suitDueOn
              ? [{ key: 'suit', label: tx('suitDue'), children: deadlines.suitDueOn }]
              : []),
            ...(shown && shown.lodgedFen > 0
              ? [{ key: 'lodged', label: tx('lodged'), children: <MoneyText fen={shown.lodgedFen} /> }]
              : []),
          ]}
        />
      ) : null}
      {shares.length > 0 ? (
        <SharesTable shares={shares} />
      ) : (
        <Alert type="info" showIcon title={tx('noPreview')} />
      )}
      {shown && shown.objections.length > 0 ? (
        <Flex vertical gap={4} data-testid="distribution-objections">
          <Typography.Text strong>{tx('objections')}</Typography.Text>
          {shown.objections.map((o) => (
            <Typography.Text key={o.id}>
              {tx('objectionLine', {
                objector: o.objectorApplicationId
                  ? (nameOf.get(o.objectorApplicationId) ?? '')
                  : tx('respondent'),
                against: nameOf.get(o.againstApplicationId) ?? '',
                amount: formatYuan(o.disputedFen),
                filedOn: o.filedOn,
                reason: o.reason,
              })}
            </Typography.Text>
          ))}
        </Flex>
      ) : null}
      <Flex gap={8} wrap>
        {canDecide && steps.canDraft && (data.preview || isOpen) ? (
          <>
            {detail.respondents.length > 1 ? (
              <Select
                style={{ minWidth: 200 }}
                placeholder={tx('respondentChoice')}
                value={respondentPartyId}
                onChange={setRespondentPartyId}
                options={detail.respondents.map((r) => ({ value: r.id, label: r.name }))}
              />
            ) : null}
            <Button
              loading={draft.isPending}
              disabled={respondentPartyId === undefined}
              data-testid="distribution-draft"
              onClick={() =>
                confirmThen(isOpen ? 'redraft' : 'draft', 'draftConfirm', () =>
                  draft.mutateAsync(respondentPartyId ? { respondentPartyId } : {}),
                )
              }
            >
              {isOpen ? tx('redraft') : tx('draft')}
            </Button>
          </>
        ) : null}
        {isTeam && steps.canServe ? (
          <Button
            type="primary"
            loading={serve.isPending}
            data-testid="distribution-serve"
            onClick={() => confirmThen('serve', 'serveConfirm', () => serve.mutateAsync())}
          >
            {tx('serve')}
          </Button>
        ) : null}
        {isTeam && steps.canObject ? (
          <Button onClick={() => setObjecting(true)} data-testid="distribution-object">
            {tx('object')}
          </Button>
        ) : null}
        {isTeam && steps.canAnswer ? (
          <>
            <Button onClick={() => setFiling('opposition')} data-testid="distribution-oppose">
              {tx('oppose')}
            </Button>
            <Button
              loading={answer.isPending}
              data-testid="distribution-unopposed"
              onClick={() =>
                confirmThen('noOpposition', 'noOppositionConfirm', () =>
                  answer.mutateAsync({ isOpposed: false }),
                )
              }
            >
              {tx('noOpposition')}
            </Button>
          </>
        ) : null}
        {isTeam && steps.canSue ? (
          <Button onClick={() => setFiling('suit')} data-testid="distribution-sue">
            {tx('sue')}
          </Button>
        ) : null}
        {canDecide && steps.canFinalise ? (
          <Button
            loading={finalise.isPending}
            data-testid="distribution-finalise"
            onClick={() => confirmThen('finalise', 'finaliseConfirm', () => finalise.mutateAsync())}
          >
            {tx('finalise')}
          </Button>
        ) : null}
        {canDecide && steps.canExecute ? (
          <Button
            type="primary"
            loading={execute.isPending}
            data-testid="distribution-execute"
            onClick={() => confirmThen('execute', 'executeConfirm', () => execute.mutateAsync())}
          >
            {tx('execute')}
          </Button>
        ) : null}
      </Flex>
      {plan && isOpen ? (
        <DistributionObjectionForm
          caseId={caseId}
          plan={plan}
          open={objecting}
          onClose={() => setObjecting(false)}
        />
      ) : null}
      <DistributionFilingForm caseId={caseId} kind={filing} onClose={() => setFiling(null)} />
    </Flex>
  );
}
