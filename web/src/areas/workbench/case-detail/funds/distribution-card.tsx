import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { type TParticipation, useDistribution } from '../../../../api/funds-distribution.ts';
import { hasAnyRole, useCurrentUser } from '../../../../app/current-user.tsx';
import { MoneyText } from '../../../../components/money-text.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { DistributionApplicationForm } from './distribution-application-form.tsx';
import { priorityText, useDistributionText } from './distribution-labels.ts';
import { DistributionPlan } from './distribution-plan.tsx';

function ApplicationsTable({ applications }: { applications: TParticipation[] }) {
  const tx = useDistributionText();
  return (
    <Table<TParticipation>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={applications}
      scroll={{ x: 900 }}
      locale={{ emptyText: tx('noApplications') }}
      data-testid="distribution-applications"
      columns={[
        {
          key: 'creditor',
          title: tx('creditor'),
          ellipsis: true,
          render: (_, a) => (
            <Flex vertical>
              <span>{a.creditorName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.partyId ? tx('applicantOfCase') : (a.creditCode ?? a.idNumber ?? '')}
              </Typography.Text>
            </Flex>
          ),
        },
        { key: 'basis', title: tx('basis'), dataIndex: 'basis', ellipsis: true },
        {
          key: 'priority',
          title: tx('priority'),
          width: 110,
          render: (_, a) => <Tag>{tx(priorityText(a.priority))}</Tag>,
        },
        {
          key: 'claim',
          title: tx('claim'),
          align: 'right',
          render: (_, a) => <MoneyText fen={a.principalFen + a.interestFen} />,
        },
        { key: 'seizedAt', title: tx('seizedAt'), width: 110, render: (_, a) => a.seizedAt ?? '—' },
        { key: 'appliedOn', title: tx('appliedOn'), dataIndex: 'appliedOn', width: 110 },
        {
          key: 'allocated',
          title: tx('allocated'),
          align: 'right',
          render: (_, a) => <MoneyText fen={a.allocatedFen} />,
        },
        {
          key: 'payable',
          title: tx('payable'),
          align: 'right',
          render: (_, a) => <MoneyText fen={a.payableFen} />,
        },
      ]}
    />
  );
}

/**
 * 参与分配 in the case's funds tab (CPL-I arts. 506–510, 514): the applications and the
 * distribution plan with its state, deadlines and next steps. The team records filings and serves;
 * the case judge or a leader of the case's court drafts, makes final and executes (the server's
 * rule too).
 */
export function DistributionCard({ detail }: { detail: TCaseDetail }) {
  const tx = useDistributionText();
  const user = useCurrentUser();
  const distribution = useDistribution(detail.id);
  const [adding, setAdding] = useState(false);
  const isTeam = detail.isTeamMember;
  const isLeader = hasAnyRole(user, 'courtLeader') && user.court.id === detail.court.id;
  const canDecide = isLeader || (detail.team.judge !== null && detail.team.judge.id === user.id);
  const data = distribution.data;

  return (
    <Card
      size="small"
      title={tx('title')}
      loading={distribution.isPending}
      data-testid="funds-distribution"
      extra={
        isTeam ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="distribution-add"
          >
            {tx('add')}
          </Button>
        ) : null
      }
    >
      {distribution.isError ? (
        <QueryError error={distribution.error} onRetry={() => distribution.refetch()} />
      ) : data ? (
        <Flex vertical gap={12}>
          <Alert type="info" showIcon title={tx('rule')} />
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              {
                key: 'unallocated',
                label: tx('unallocated'),
                children: <MoneyText fen={data.unallocatedFen} strong />,
              },
              ...(data.lodgedFen > 0
                ? [{ key: 'lodged', label: tx('lodged'), children: <MoneyText fen={data.lodgedFen} /> }]
                : []),
              ...(data.ordinaryRule
                ? [
                    {
                      key: 'rule',
                      label: tx('priority.ordinary'),
                      children: data.ordinaryRule === 'proRata' ? tx('ruleProRata') : tx('ruleSeizureOrder'),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Text strong>{`${tx('applications')} (${data.applications.length})`}</Typography.Text>
          <ApplicationsTable applications={data.applications} />
          <DistributionPlan detail={detail} data={data} isTeam={isTeam} canDecide={canDecide} />
        </Flex>
      ) : null}
      <DistributionApplicationForm detail={detail} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
