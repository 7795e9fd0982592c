import { Badge, Card, Empty, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type TPartyRequest,
  type TRequestKind,
  useCasePartyRequests,
} from '../../../../api/party-requests.ts';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { RequestDue } from '../../../../components/request-due.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { AnswerForm } from './answer-form.tsx';
import { RequestAttachments } from './request-attachments.tsx';

const outcomeColor = { accepted: 'success', rejected: 'error', noted: 'default' } as const;

/** The tab's name, with the number of requests still waiting for the team's answer. */
export function PartyRequestsTabLabel({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const query = useCasePartyRequests(caseId);
  const open = query.data?.items.filter((item) => item.state === 'open').length ?? 0;
  return (
    <Badge count={open} size="small" offset={[8, -2]}>
      {t('partyRequests.tab')}
    </Badge>
  );
}

/** Open first (the nearest due date first), then the answered ones, newest first. */
function sortRequests(items: TPartyRequest[]): TPartyRequest[] {
  const rank = (item: TPartyRequest) => (item.state === 'open' ? 0 : 1);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.state === 'open' ? a.dueOn.localeCompare(b.dueOn) : b.submittedAt.localeCompare(a.submittedAt)),
  );
}

/**
 * 当事人事项: the asset clues, messages and applications the parties and their lawyers sent
 * through the portal, each a task with a due date; an open one is answered here, and the party
 * sees the answer in the portal.
 */
export function PartyRequestsPanel({ caseId }: { caseId: string }) {
  const { t, pick } = useI18n();
  const query = useCasePartyRequests(caseId);
  const [kind, setKind] = useState<TRequestKind | 'all'>('all');
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const kinds = new Map(query.data.items.map((item) => [item.kind, pick(item.kindLabel)]));
  const items = sortRequests(query.data.items.filter((item) => kind === 'all' || item.kind === kind));
  return (
    <Flex vertical gap={12} data-testid="party-requests-panel">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('partyRequests.intro')}</Typography.Text>
        {kinds.size > 1 ? (
          <Select<TRequestKind | 'all'>
            value={kind}
            onChange={setKind}
            style={{ minWidth: 180 }}
            aria-label={t('partyRequests.kind')}
            options={[
              { value: 'all', label: t('partyRequests.allKinds') },
              ...[...kinds].map(([value, label]) => ({ value, label })),
            ]}
          />
        ) : null}
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partyRequests.empty')} />
      ) : (
        items.map((item) => <RequestItem key={item.id} caseId={caseId} item={item} />)
      )}
    </Flex>
  );
}

function RequestItem({ caseId, item }: { caseId: string; item: TPartyRequest }) {
  const { t, pick } = useI18n();
  const isOpen = item.state === 'open';
  return (
    <Card size="small" data-testid="party-request" data-state={item.state}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Flex gap={8} align="center" wrap>
          <Tag color="blue">{pick(item.kindLabel)}</Tag>
          <Typography.Text>
            {t('partyRequests.submittedBy', {
              name: item.submittedBy.name,
              role: t(`my.role.${item.submittedBy.role}`),
            })}
          </Typography.Text>
          <Typography.Text type="secondary" className="tabular-nums">
            {formatDateTime(item.submittedAt)}
          </Typography.Text>
        </Flex>
        <Tag color={isOpen ? (item.isOverdue ? 'error' : 'processing') : 'success'}>
          {t(isOpen ? 'my.requests.state.open' : 'my.requests.state.answered')}
        </Tag>
      </Flex>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}
        data-testid="party-request-text"
      >
        {item.text}
      </Typography.Paragraph>
      <RequestAttachments caseId={caseId} request={item} />
      <RequestDue dueOn={item.dueOn} isOpen={isOpen} rule={item.dueRule} />
      {isOpen ? (
        <AnswerForm caseId={caseId} requestId={item.id} />
      ) : (
        <div className="my-answer" data-testid="party-request-answer">
          <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('my.requests.answer')}</Typography.Text>
            {item.outcome ? (
              <Tag color={outcomeColor[item.outcome]}>{t(`my.outcome.${item.outcome}`)}</Tag>
            ) : null}
            <Typography.Text type="secondary" className="tabular-nums">
              {[item.answeredBy, formatDateTime(item.answeredAt)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {item.answer}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
