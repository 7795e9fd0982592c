import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { type TAddition, type TAdditionState, useAdditions } from '../../../../api/additions.ts';
import { hasAnyRole, useCurrentUser } from '../../../../app/current-user.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { ApplyAdditionModal } from './apply-addition-modal.tsx';
import { ExtensionModal } from './extension-modal.tsx';
import { HearingModal } from './hearing-modal.tsx';
import { RulingModal } from './ruling-modal.tsx';

// The workbench theme keeps antd's light status green (2:1 as text): an added party gets a solid
// dark green tag (white text, over 4.5:1), as the public theme's darker green reads.
const stateColors: Record<TAdditionState, string> = {
  underReview: 'processing',
  added: '#237804',
  rejected: 'default',
};

type Acting = { kind: 'hearing' | 'extend' | 'rule'; addition: TAddition } | null;

/**
 * 变更追加 on the case page: the applications to add a respondent (变更追加规定) with their ground,
 * party, limit, the 60 days (art. 28), hearing and ruling with the last day to challenge it (arts.
 * 30, 32). The case judge, assistant or clerk enters an application and the hearing; the judge or a
 * court leader of the case's court rules; a court leader extends the period. The server checks each.
 */
export function AdditionsPanel({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const additions = useAdditions(detail.id);
  const [isApplying, setApplying] = useState(false);
  const [acting, setActing] = useState<Acting>(null);

  const isOpen = detail.status !== 'closed';
  const { judge, assistant, clerk } = detail.team;
  const isTeam = [judge?.id, assistant?.id, clerk?.id].includes(user.id);
  const isLeader = hasAnyRole(user, 'courtLeader') && user.court.id === detail.court.id;
  const canRule = judge?.id === user.id || isLeader;

  const columns: TableColumnsType<TAddition> = [
    {
      key: 'ground',
      title: t('additions.col.ground'),
      render: (_, a) => (
        <Flex vertical>
          <span>{t(`additions.ground.${a.ground}`)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.article}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'party',
      title: t('additions.col.party'),
      render: (_, a) => (
        <Flex vertical>
          <span>{a.party.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tabular-nums">
            {a.party.idNumber ?? a.party.creditCode ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'limit',
      title: t('additions.col.limit'),
      align: 'right',
      render: (_, a) =>
        a.limitFen === null ? (
          <Typography.Text type="secondary">{t('additions.jointly')}</Typography.Text>
        ) : (
          <span className="tabular-nums" data-testid="addition-limit-amount">
            {t('additions.limitAmount', { amount: formatYuan(a.limitFen) })}
          </span>
        ),
    },
    {
      key: 'dueOn',
      title: t('additions.col.dueOn'),
      render: (_, a) => (
        <Flex vertical>
          <span className="tabular-nums">{a.dueOn}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('additions.appliedOn', { date: a.appliedOn })}
            {a.appliedVia === 'portal' ? ` · ${t('additions.viaPortal')}` : ''}
          </Typography.Text>
          {a.extensions.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('additions.extended', { days: a.extensions.reduce((sum, e) => sum + e.days, 0) })}
            </Typography.Text>
          ) : null}
          {a.isOverdue ? <Tag color="red">{t('additions.overdue')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'state',
      title: t('additions.col.state'),
      render: (_, a) => (
        <Tag color={stateColors[a.state]} data-testid="addition-state">
          {t(`additions.state.${a.state}`)}
        </Tag>
      ),
    },
    {
      key: 'hearing',
      title: t('additions.col.hearing'),
      render: (_, a) =>
        a.hearing === null ? (
          <Typography.Text type="secondary">{t('additions.noHearing')}</Typography.Text>
        ) : (
          <Tooltip title={a.hearing.record}>
            <span className="tabular-nums" data-testid="addition-hearing">
              {t(a.hearing.isWaived ? 'additions.hearingWaived' : 'additions.hearingHeld', {
                date: a.hearing.heldOn,
              })}
            </span>
          </Tooltip>
        ),
    },
    {
      key: 'ruling',
      title: t('additions.col.ruling'),
      render: (_, a) =>
        a.ruling === null ? (
          <Typography.Text type="secondary">{t('additions.notRuled')}</Typography.Text>
        ) : (
          <Flex vertical data-testid="addition-ruling">
            <Tooltip title={a.ruling.reasons}>
              <span className="tabular-nums">
                {t(a.ruling.decision === 'add' ? 'additions.ruledAdd' : 'additions.ruledReject', {
                  date: a.ruling.ruledOn,
                })}
              </span>
            </Tooltip>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tabular-nums">
              {t('additions.objectionDue', { date: a.ruling.objection.dueOn })}
            </Typography.Text>
            {a.ruling.isLate ? <Tag color="red">{t('additions.late')}</Tag> : null}
          </Flex>
        ),
    },
  ];

  const canAct = isOpen && (isTeam || canRule || isLeader);
  if (canAct)
    columns.push({
      key: 'actions',
      title: t('additions.col.actions'),
      render: (_, a) =>
        a.state === 'underReview' ? (
          <Space size={0} wrap>
            {isTeam && a.hearing === null ? (
              <Button
                type="link"
                size="small"
                onClick={() => setActing({ kind: 'hearing', addition: a })}
                data-testid="addition-hearing-button"
              >
                {t('additions.hearing')}
              </Button>
            ) : null}
            {isLeader ? (
              <Button
                type="link"
                size="small"
                onClick={() => setActing({ kind: 'extend', addition: a })}
                data-testid="addition-extend-button"
              >
                {t('additions.extend')}
              </Button>
            ) : null}
            {canRule ? (
              <Button
                type="link"
                size="small"
                onClick={() => setActing({ kind: 'rule', addition: a })}
                data-testid="addition-rule-button"
              >
                {t('additions.rule')}
              </Button>
            ) : null}
          </Space>
        ) : null,
    });

  return (
    <Flex vertical gap={12} data-testid="additions-panel">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: 1, minWidth: 280 }}>
          {t('additions.intro')}
        </Typography.Paragraph>
        {isTeam && isOpen ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setApplying(true)}
            data-testid="addition-apply"
          >
            {t('additions.apply')}
          </Button>
        ) : null}
      </Flex>
      {additions.isError ? (
        <QueryError error={additions.error} onRetry={() => additions.refetch()} />
      ) : additions.isSuccess && additions.data.items.length === 0 ? (
        <Empty description={t('additions.none')} />
      ) : (
        <Table<TAddition>
          rowKey="id"
          size="small"
          loading={additions.isPending}
          columns={columns}
          dataSource={additions.data?.items ?? []}
          pagination={false}
          data-testid="additions-table"
        />
      )}
      <ApplyAdditionModal caseId={detail.id} isOpen={isApplying} onClose={() => setApplying(false)} />
      <HearingModal
        caseId={detail.id}
        addition={acting?.kind === 'hearing' ? acting.addition : null}
        onClose={() => setActing(null)}
      />
      <ExtensionModal
        caseId={detail.id}
        addition={acting?.kind === 'extend' ? acting.addition : null}
        onClose={() => setActing(null)}
      />
      <RulingModal
        caseId={detail.id}
        addition={acting?.kind === 'rule' ? acting.addition : null}
        onClose={() => setActing(null)}
      />
    </Flex>
  );
}
