import { Empty, Flex, List, Tag, Timeline, Typography } from 'antd';
import { calendarDaysBetween } from '../../../../../src/kernel/index.ts';
import type { TPartyCase } from '../../../api/party.ts';
import { DeadlineTag } from '../../../components/deadline-tag.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { serverToday } from '../../../lib/server-clock.ts';

type Deadline = TPartyCase['deadlines'][number];

const colorByState: Record<Deadline['state'], string> = {
  open: 'processing',
  met: 'success',
  overdue: 'error',
};

/** The case's steps (newest first) and its deadlines (open ones first, nearest first). */
export function ProgressSection({ detail }: { detail: TPartyCase }) {
  const { t, pick } = useI18n();
  const nodes = [...detail.nodes].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  const rank = (deadline: Deadline) => (deadline.state === 'met' ? 1 : 0);
  const deadlines = [...detail.deadlines].sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn));
  const today = serverToday();
  return (
    <Flex vertical gap={24}>
      <section aria-labelledby="my-progress-title">
        <Typography.Title level={2} id="my-progress-title" style={{ fontSize: 16 }}>
          {t('my.progress.title')}
        </Typography.Title>
        {nodes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('my.progress.empty')} />
        ) : (
          <Timeline
            data-testid="my-node-timeline"
            style={{ paddingTop: 8 }}
            items={nodes.map((node, index) => ({
              key: `${node.kind}-${node.occurredOn}-${index}`,
              color: index === 0 ? 'blue' : 'gray',
              // The date above the step, not beside it: a phone's width goes to the words.
              content: (
                <Flex vertical>
                  <Typography.Text type="secondary" className="tabular-nums">
                    {node.occurredOn}
                  </Typography.Text>
                  <Typography.Text strong={index === 0}>{pick(node.label) || node.kind}</Typography.Text>
                </Flex>
              ),
            }))}
          />
        )}
      </section>
      <section aria-labelledby="my-deadlines-title">
        <Typography.Title level={2} id="my-deadlines-title" style={{ fontSize: 16 }}>
          {t('my.deadlines.title')}
        </Typography.Title>
        <List
          size="small"
          data-testid="my-deadlines"
          dataSource={deadlines}
          locale={{
            emptyText: <Typography.Text type="secondary">{t('my.deadlines.empty')}</Typography.Text>,
          }}
          renderItem={(deadline) => (
            <List.Item>
              <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
                <Typography.Text>{pick(deadline.label) || deadline.kind}</Typography.Text>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary" className="tabular-nums">
                    {t('my.deadlines.dueOn', { date: deadline.dueOn })}
                  </Typography.Text>
                  {deadline.state === 'met' ? null : (
                    <DeadlineTag daysLeft={calendarDaysBetween(today, deadline.dueOn)} unit="calendarDays" />
                  )}
                  <Tag color={colorByState[deadline.state]} style={{ marginInlineEnd: 0 }}>
                    {t(`deadlineState.${deadline.state}`)}
                  </Tag>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </section>
    </Flex>
  );
}
