import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TUnit, TUnitCreated } from '../../../../../src/modules/matching/contracts.ts';
import { unitCapabilities, unitScenes, useRevokeUnit, useUnits } from '../../../api/units.ts';
import { describeError } from '../../../components/error-text.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { UnitCreateModal } from './unit-create-modal.tsx';
import { UnitKeyModal } from './unit-key-modal.tsx';

const isKnown = <T extends string>(values: readonly T[], value: string): value is T =>
  values.some((v) => v === value);

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** 联合惩戒单位: outside units holding API keys for matching; register, see the key once, revoke. */
export function UnitsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const units = useUnits();
  const revokeUnit = useRevokeUnit();
  const [isCreating, setIsCreating] = useState(false);
  const [issued, setIssued] = useState<{ created: TUnitCreated; name: string } | null>(null);
  const [isKeyOpen, setIsKeyOpen] = useState(false);

  const revoke = (unit: TUnit) =>
    revokeUnit.mutateAsync(unit.id).then(
      () => message.success(t('units.revokedDone', { name: unit.name })),
      (error: unknown) => message.error(describeError(error, i18n)),
    );

  const columns: TableColumnsType<TUnit> = [
    { key: 'name', title: t('units.name'), dataIndex: 'name', minWidth: 150 },
    {
      key: 'scene',
      title: t('units.scene'),
      width: 105,
      render: (_value, unit) =>
        isKnown(unitScenes, unit.scene) ? t(`units.scene.${unit.scene}`) : unit.scene,
    },
    {
      key: 'capability',
      title: t('units.capability'),
      width: 140,
      render: (_value, unit) =>
        isKnown(unitCapabilities, unit.capability) ? (
          <Tag color={unit.capability === 'match' ? 'blue' : 'default'}>
            {t(`units.capability.${unit.capability}`)}
          </Tag>
        ) : (
          unit.capability
        ),
    },
    {
      key: 'keyPrefix',
      title: t('units.keyPrefix'),
      width: 115,
      render: (_value, unit) => <Typography.Text code>{`${unit.keyPrefix}…`}</Typography.Text>,
    },
    {
      key: 'ratePerMinute',
      title: t('units.rateColumn'),
      width: 100,
      align: 'right',
      render: (_value, unit) => <span className="tabular-nums">{unit.ratePerMinute.toLocaleString()}</span>,
    },
    {
      key: 'dailyQuota',
      title: t('units.quotaColumn'),
      width: 115,
      align: 'right',
      render: (_value, unit) => <span className="tabular-nums">{unit.dailyQuota.toLocaleString()}</span>,
    },
    {
      key: 'webhookUrl',
      title: t('units.webhookColumn'),
      ellipsis: { showTitle: true },
      minWidth: 120,
      render: (_value, unit) => unit.webhookUrl ?? none,
    },
    {
      key: 'createdAt',
      title: t('units.createdAt'),
      width: 135,
      render: (_value, unit) => <span className="tabular-nums">{formatDateTime(unit.createdAt)}</span>,
    },
    {
      key: 'state',
      title: t('units.state'),
      width: 160,
      fixed: 'right',
      render: (_value, unit) =>
        unit.revokedAt ? (
          <>
            <Tag>{t('units.revoked')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('units.revokedAt', { time: formatDateTime(unit.revokedAt) })}
            </Typography.Text>
          </>
        ) : (
          <Flex align="center" gap={4}>
            <Tag color="success">{t('units.active')}</Tag>
            <Popconfirm
              title={t('units.revokeConfirm', { name: unit.name })}
              description={<div style={{ maxWidth: 280 }}>{t('units.revokeConfirmDetail')}</div>}
              okText={t('units.revoke')}
              okButtonProps={{ danger: true, 'data-testid': `unit-revoke-confirm-${unit.id}` }}
              onConfirm={() => revoke(unit)}
            >
              <Button type="link" size="small" danger data-testid={`unit-revoke-${unit.id}`}>
                {t('units.revoke')}
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        subtitle={t('units.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="create-unit-button"
          >
            {t('units.create')}
          </Button>
        }
      />
      <Card>
        {units.isError ? (
          <QueryError error={units.error} onRetry={() => units.refetch()} />
        ) : (
          <Table<TUnit>
            data-testid="units-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={units.data?.items ?? []}
            loading={units.isFetching}
            scroll={{ x: 1140 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: units.isPending ? ' ' : t('units.empty') }}
          />
        )}
      </Card>
      <UnitCreateModal
        isOpen={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(created, name) => {
          setIsCreating(false);
          setIssued({ created, name });
          setIsKeyOpen(true);
        }}
      />
      <UnitKeyModal
        issued={issued}
        isOpen={isKeyOpen}
        onClose={() => setIsKeyOpen(false)}
        afterClose={() => setIssued(null)}
      />
    </>
  );
}
