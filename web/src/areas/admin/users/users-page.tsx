import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TUserListItem } from '../../../../../src/modules/identity/contracts.ts';
import { useUserAreas } from '../../../api/grid.ts';
import { useUpdateUser, useUsers } from '../../../api/identity.ts';
import { useCurrentUser } from '../../../app/current-user.tsx';
import { CourtTreeSelect } from '../../../components/court-tree-select.tsx';
import { describeError } from '../../../components/error-text.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RoleTags } from '../../../components/role-tags.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useCourtFilter } from '../use-court-filter.ts';
import { UserAreasModal } from './user-areas-modal.tsx';
import { UserCreateModal } from './user-create-modal.tsx';
import { UserEditModal } from './user-edit-modal.tsx';

const isGridWorker = (user: TUserListItem) => user.roles.includes('gridWorker');

/** A grid worker's areas (6-digit division codes), read for this row only. */
function UserAreasCell({ userId }: { userId: string }) {
  const { t } = useI18n();
  const areas = useUserAreas(userId);
  if (areas.isError) return <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>;
  if (!areas.data) return <Typography.Text type="secondary">…</Typography.Text>;
  if (areas.data.areaCodes.length === 0)
    return <Typography.Text type="secondary">{t('admin.user.areasNone')}</Typography.Text>;
  return (
    <Flex gap={4} wrap data-testid="user-areas">
      {areas.data.areaCodes.map((code) => (
        <Tag key={code} className="tabular-nums" style={{ marginInlineEnd: 0 }}>
          {code}
        </Tag>
      ))}
    </Flex>
  );
}

/** 用户: officers of a court, their roles, and whether they may sign in; a grid worker's areas. */
export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [courtId, setCourtId] = useCourtFilter();
  const users = useUsers(courtId);
  const updateUser = useUpdateUser();
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<{ user: TUserListItem | null; isOpen: boolean }>({
    user: null,
    isOpen: false,
  });
  const [editingAreas, setEditingAreas] = useState<{ user: TUserListItem | null; isOpen: boolean }>({
    user: null,
    isOpen: false,
  });

  const toggleDisabled = (user: TUserListItem) =>
    updateUser.mutateAsync({ id: user.id, body: { disabled: !user.disabled } }).then(
      () => message.success(user.disabled ? t('admin.user.enabled') : t('admin.user.disabledDone')),
      (error: unknown) => message.error(describeError(error, i18n)),
    );

  const columns: TableColumnsType<TUserListItem> = [
    { key: 'username', title: t('admin.user.username'), dataIndex: 'username', width: 160 },
    { key: 'displayName', title: t('admin.user.displayName'), dataIndex: 'displayName', width: 140 },
    { key: 'roles', title: t('admin.user.roles'), render: (_value, user) => <RoleTags roles={user.roles} /> },
    { key: 'court', title: t('admin.user.court'), render: (_value, user) => user.court.name },
    {
      key: 'areas',
      title: t('admin.user.areas'),
      render: (_value, user) => (isGridWorker(user) ? <UserAreasCell userId={user.id} /> : null),
    },
    {
      key: 'state',
      title: t('admin.user.state'),
      width: 100,
      render: (_value, user) =>
        user.disabled ? (
          <Tag>{t('admin.user.stateDisabled')}</Tag>
        ) : (
          <Tag color="success">{t('admin.user.stateActive')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_value, user) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ user, isOpen: true })}>
            {t('common.edit')}
          </Button>
          {isGridWorker(user) ? (
            <Button
              type="link"
              size="small"
              onClick={() => setEditingAreas({ user, isOpen: true })}
              data-testid="edit-areas-button"
            >
              {t('admin.user.editAreas')}
            </Button>
          ) : null}
          {user.id === me.id ? null : (
            <Popconfirm
              title={
                user.disabled
                  ? t('admin.user.enableConfirm', { name: user.displayName })
                  : t('admin.user.disableConfirm', { name: user.displayName })
              }
              onConfirm={() => toggleDisabled(user)}
            >
              <Button type="link" size="small" danger={!user.disabled}>
                {user.disabled ? t('admin.user.enable') : t('admin.user.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="create-user-button"
          >
            {t('admin.user.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('admin.user.court')}</Typography.Text>
          <CourtTreeSelect value={courtId} onChange={setCourtId} data-testid="user-court-filter" />
        </Flex>
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <Table<TUserListItem>
            data-testid="user-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: users.isPending ? ' ' : t('admin.user.empty') }}
          />
        )}
      </Card>
      <UserCreateModal isOpen={isCreating} courtId={courtId} onClose={() => setIsCreating(false)} />
      <UserEditModal
        user={editing.user}
        isOpen={editing.isOpen}
        onClose={() => setEditing((current) => ({ ...current, isOpen: false }))}
      />
      <UserAreasModal
        user={editingAreas.user}
        isOpen={editingAreas.isOpen}
        onClose={() => setEditingAreas((current) => ({ ...current, isOpen: false }))}
      />
    </>
  );
}
