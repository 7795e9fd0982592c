import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, ConfigProvider, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  deputyProposalStates,
  type TDeputyProposal,
  type TDeputyProposalState,
  useDeputyProposals,
} from '../../api/service.ts';
import { hasAnyRole, useCurrentUser } from '../../app/current-user.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import {
  AnswerDeputyProposalModal,
  AssignDeputyProposalModal,
  RegisterDeputyProposalModal,
} from './deputy-proposal-modals.tsx';
import { deputyProposalKindLabels, deputyProposalStateLabels } from './messages.ts';
import { serviceTheme } from './theme.ts';
import { useServiceText } from './use-service-text.ts';

type Filter = TDeputyProposalState | 'all';

/**
 * 人大代表建议、政协委员提案 (seed 003 item 46): a court leader registers and assigns; the officer it is
 * assigned to answers within the period; the replies the proposer agreed to are published.
 */
export function DeputyProposalsPage() {
  const { pick } = useI18n();
  const text = useServiceText();
  const user = useCurrentUser();
  const isLeader = hasAnyRole(user, 'courtLeader');
  const [filter, setFilter] = useState<Filter>('all');
  const proposals = useDeputyProposals(filter === 'all' ? undefined : filter);
  const [isRegistering, setIsRegistering] = useState(false);
  const [assigning, setAssigning] = useState<TDeputyProposal | null>(null);
  const [answering, setAnswering] = useState<TDeputyProposal | null>(null);

  return (
    <ConfigProvider theme={serviceTheme}>
      <PageHeader
        title={text('proposal.title')}
        subtitle={`${user.court.name} · ${text('proposal.subtitle')}`}
        extra={
          isLeader ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsRegistering(true)}
              data-testid="proposal-register"
            >
              {text('proposal.register')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          style={{ marginBottom: 12 }}
          options={[
            { value: 'all', label: pick({ zh: '全部', en: 'All' }) },
            ...deputyProposalStates.map((state) => ({
              value: state,
              label: pick(deputyProposalStateLabels[state]),
            })),
          ]}
        />
        {proposals.isError ? (
          <QueryError error={proposals.error} onRetry={() => proposals.refetch()} />
        ) : (
          <Table<TDeputyProposal>
            size="small"
            rowKey="id"
            loading={proposals.isLoading}
            dataSource={proposals.data?.items ?? []}
            locale={{ emptyText: text('proposal.empty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            expandable={{
              expandedRowRender: (p) => (
                <Flex vertical gap={8}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {p.content}
                  </Typography.Paragraph>
                  {p.reply ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      <Typography.Text strong>{text('proposal.reply')}：</Typography.Text>
                      {p.reply}
                    </Typography.Paragraph>
                  ) : null}
                </Flex>
              ),
            }}
            columns={[
              {
                title: text('proposal.kind'),
                render: (_, p) => pick(deputyProposalKindLabels[p.kind]),
                width: 120,
              },
              { title: text('proposal.number'), dataIndex: 'number', width: 120 },
              { title: text('proposal.titleField'), dataIndex: 'title' },
              { title: text('proposal.proposer'), dataIndex: 'proposer', width: 110 },
              {
                title: text('proposal.dueOn'),
                width: 140,
                render: (_, p) => (
                  <span className="tabular-nums">
                    {p.dueOn} {p.isLate ? <Tag color="error">{text('proposal.late')}</Tag> : null}
                  </span>
                ),
              },
              { title: text('proposal.assignee'), render: (_, p) => p.assignee?.name ?? '—', width: 110 },
              {
                title: text('proposal.state'),
                width: 130,
                render: (_, p) => (
                  <Flex gap={4} wrap>
                    <Tag
                      color={
                        p.state === 'answered' ? 'success' : p.state === 'assigned' ? 'processing' : 'warning'
                      }
                    >
                      {pick(deputyProposalStateLabels[p.state])}
                    </Tag>
                    {p.state === 'answered' ? (
                      <Tag>{text(p.isPublishable ? 'proposal.published' : 'proposal.withheld')}</Tag>
                    ) : null}
                  </Flex>
                ),
              },
              {
                title: '',
                width: 140,
                render: (_, p) => (
                  <Flex gap={4}>
                    {isLeader && p.state !== 'answered' ? (
                      <Button size="small" onClick={() => setAssigning(p)} data-testid="proposal-assign">
                        {text('proposal.assign')}
                      </Button>
                    ) : null}
                    {p.state === 'assigned' && p.assignee?.id === user.id ? (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setAnswering(p)}
                        data-testid="proposal-answer"
                      >
                        {text('proposal.answer')}
                      </Button>
                    ) : null}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RegisterDeputyProposalModal open={isRegistering} onClose={() => setIsRegistering(false)} />
      <AssignDeputyProposalModal proposal={assigning} onClose={() => setAssigning(null)} />
      <AnswerDeputyProposalModal proposal={answering} onClose={() => setAnswering(null)} />
    </ConfigProvider>
  );
}
