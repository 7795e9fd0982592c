import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { type TPartyRequest, usePartyRequests } from '../../../api/party.ts';
import { PageSpin } from '../../../app/page-spin.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RequestDue } from '../../../components/request-due.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';

const outcomeColor = { accepted: 'success', rejected: 'error', noted: 'default' } as const;

/** The person's own requests on the case, newest first, with the team's answers. */
export function RequestList({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const query = usePartyRequests(caseId);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const items = [...query.data.items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('my.requests.empty')} />;
  return (
    <ul className="my-case-list" data-testid="my-requests">
      {items.map((item) => (
        <li key={item.id}>
          <RequestCard item={item} />
        </li>
      ))}
    </ul>
  );
}

function RequestCard({ item }: { item: TPartyRequest }) {
  const { t, pick } = useI18n();
  const isOpen = item.state === 'open';
  return (
    <Card size="small" data-testid="my-request" data-state={item.state}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Flex gap={8} align="center" wrap>
          <Tag color="blue">{pick(item.kindLabel)}</Tag>
          <Typography.Text type="secondary" className="tabular-nums">
            {formatDateTime(item.submittedAt)}
          </Typography.Text>
        </Flex>
        <Tag color={isOpen ? (item.isOverdue ? 'error' : 'processing') : 'success'}>
          {t(isOpen ? 'my.requests.state.open' : 'my.requests.state.answered')}
        </Tag>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
        {item.text}
      </Typography.Paragraph>
      {item.attachments.length > 0 ? (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          {item.attachments.map((attachment) => (
            <Tag key={attachment.id} icon={<PaperClipOutlined aria-hidden />}>
              {attachment.name}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <RequestDue dueOn={item.dueOn} isOpen={isOpen} />
      {item.answer ? (
        <div className="my-answer" data-testid="my-request-answer">
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
      ) : null}
    </Card>
  );
}
