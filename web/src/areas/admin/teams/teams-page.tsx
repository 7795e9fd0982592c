import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { TTeam } from '../../../../../src/modules/identity/contracts.ts';
import { useTeams } from '../../../api/identity.ts';
import { CourtTreeSelect } from '../../../components/court-tree-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useCourtFilter } from '../use-court-filter.ts';
import { TeamCreateModal } from './team-create-modal.tsx';

const memberKeys = ['judge', 'assistant', 'bailiff', 'clerk'] as const;

/** 执行团队 of a court. */
export function TeamsPage() {
  const { t } = useI18n();
  const [courtId, setCourtId] = useCourtFilter();
  const teams = useTeams(courtId);
  const [isCreating, setIsCreating] = useState(false);

  const columns: TableColumnsType<TTeam> = [
    { key: 'name', title: t('admin.team.name'), dataIndex: 'name' },
    ...memberKeys.map((role) => ({
      key: role,
      title: t(`role.${role}`),
      width: 130,
      render: (_value: unknown, team: TTeam) =>
        team[role]?.displayName ?? <Typography.Text type="secondary">—</Typography.Text>,
    })),
    { key: 'court', title: t('admin.user.court'), render: (_value, team) => team.court.name },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.teams')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="create-team-button"
          >
            {t('admin.team.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('admin.user.court')}</Typography.Text>
          <CourtTreeSelect value={courtId} onChange={setCourtId} data-testid="team-court-filter" />
        </Flex>
        {teams.isError ? (
          <QueryError error={teams.error} onRetry={() => teams.refetch()} />
        ) : (
          <Table<TTeam>
            data-testid="team-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={teams.data?.items ?? []}
            loading={teams.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: teams.isPending ? ' ' : t('admin.team.empty') }}
          />
        )}
      </Card>
      <TeamCreateModal isOpen={isCreating} courtId={courtId} onClose={() => setIsCreating(false)} />
    </>
  );
}
