import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useCourts } from '../../../api/identity.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { buildCourtTree, type CourtNode } from '../../../lib/court-tree.ts';
import { CourtFormModal } from './court-form-modal.tsx';

const levelColor: Record<CourtNode['level'], string> = {
  supreme: 'red',
  high: 'volcano',
  intermediate: 'gold',
  basic: 'blue',
  detachedTribunal: 'cyan',
};

/** 法院: the court tree, and new courts under it. */
export function CourtsPage() {
  const { t } = useI18n();
  const courts = useCourts();
  const tree = useMemo(() => buildCourtTree(courts.data?.items ?? []), [courts.data]);
  const [creating, setCreating] = useState<{ parentId?: string } | null>(null);

  const columns: TableColumnsType<CourtNode> = [
    { key: 'name', title: t('admin.court.name'), dataIndex: 'name' },
    { key: 'courtCode', title: t('admin.court.courtCode'), dataIndex: 'courtCode', width: 140 },
    {
      key: 'level',
      title: t('admin.court.level'),
      width: 160,
      render: (_value, court) => <Tag color={levelColor[court.level]}>{t(`courtLevel.${court.level}`)}</Tag>,
    },
    {
      key: 'divisionCode',
      title: t('admin.court.divisionCode'),
      dataIndex: 'divisionCode',
      width: 140,
      className: 'tabular-nums',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_value, court) =>
        court.level === 'basic' || court.level === 'detachedTribunal' ? null : (
          <Button type="link" size="small" onClick={() => setCreating({ parentId: court.id })}>
            {t('admin.court.createChild')}
          </Button>
        ),
    },
  ];

  if (courts.isError) return <QueryError error={courts.error} onRetry={() => courts.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('nav.courts')}
        subtitle={t('admin.court.subtitle', { count: courts.data?.items.length ?? 0 })}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating({})}
            data-testid="create-court-button"
          >
            {t('admin.court.create')}
          </Button>
        }
      />
      <Card>
        <Table<CourtNode>
          // Re-mount once loaded so that every level starts expanded.
          key={courts.data ? 'loaded' : 'loading'}
          data-testid="court-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={courts.isPending}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
        />
      </Card>
      <CourtFormModal
        isOpen={creating !== null}
        parentId={creating?.parentId}
        onClose={() => setCreating(null)}
      />
    </>
  );
}
