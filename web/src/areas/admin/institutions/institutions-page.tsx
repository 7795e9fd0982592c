import { App, Card, InputNumber, Switch, Table, Tag, Typography } from 'antd';
import type { TInstitution } from '../../../../../src/modules/inquiry/contracts.ts';
import { useInstitutions, useUpdateInstitution } from '../../../api/inquiry.ts';
import { PageSpin } from '../../../app/page-spin.tsx';
import { describeError } from '../../../components/error-text.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { assetTypeKey, operationKey } from '../../workbench/case-detail/inquiry/labels.ts';

const circuitColor = { closed: 'green', open: 'red', halfOpen: 'orange' } as const;

/** The institutions registry: channel, capabilities, limits, circuit state, enable/disable. */
export function InstitutionsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const list = useInstitutions();
  const update = useUpdateInstitution();
  if (list.isPending) return <PageSpin />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const save = (code: string, patch: Parameters<typeof update.mutate>[0]['patch']) =>
    update.mutate(
      { code, patch },
      {
        onSuccess: () => message.success(t('institutions.saved')),
        onError: (e) => message.error(describeError(e, i18n)),
      },
    );
  return (
    <>
      <PageHeader title={t('institutions.title')} subtitle={t('institutions.subtitle')} />
      <Card>
        <Table<TInstitution>
          rowKey="code"
          size="small"
          dataSource={list.data.items}
          pagination={false}
          scroll={{ x: 1200 }}
          data-testid="institutions-table"
          columns={[
            { key: 'code', title: t('institutions.code'), dataIndex: 'code', width: 100 },
            {
              key: 'name',
              title: t('institutions.name'),
              render: (_v, i) => (
                <>
                  <div>{i.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.baseUrl}
                  </Typography.Text>
                </>
              ),
            },
            {
              key: 'channel',
              title: t('institutions.channel'),
              width: 90,
              render: (_v, i) => (
                <Tag color={i.channel === 'local' ? 'purple' : 'blue'}>
                  {t(i.channel === 'local' ? 'inquiry.channel.local' : 'inquiry.channel.national')}
                </Tag>
              ),
            },
            {
              key: 'assetTypes',
              title: t('institutions.assetTypes'),
              width: 180,
              render: (_v, i) =>
                i.assetTypes.map((a) => {
                  const key = assetTypeKey(a);
                  return <Tag key={a}>{key ? t(key) : a}</Tag>;
                }),
            },
            {
              key: 'operations',
              title: t('institutions.operations'),
              width: 220,
              render: (_v, i) =>
                i.operations.map((o) => {
                  const key = operationKey(o);
                  return <Tag key={o}>{key ? t(key) : o}</Tag>;
                }),
            },
            {
              key: 'concurrency',
              title: t('institutions.concurrency'),
              width: 110,
              render: (_v, i) => (
                <InputNumber<number>
                  size="small"
                  min={1}
                  max={10000}
                  defaultValue={i.concurrency}
                  onBlur={(e) => {
                    const value = Number(e.target.value);
                    if (Number.isInteger(value) && value >= 1 && value !== i.concurrency)
                      save(i.code, { concurrency: value });
                  }}
                />
              ),
            },
            {
              key: 'circuit',
              title: t('institutions.circuit'),
              width: 130,
              render: (_v, i) => (
                <>
                  <Tag color={circuitColor[i.circuit]}>{t(`institutions.circuit.${i.circuit}`)}</Tag>
                  {i.pausedUntil ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {t('institutions.paused', { time: formatDateTime(i.pausedUntil) })}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              key: 'open',
              title: t('institutions.open'),
              dataIndex: 'openRequests',
              width: 90,
              align: 'right',
            },
            {
              key: 'enabled',
              title: t('institutions.enabled'),
              width: 80,
              render: (_v, i) => (
                <Switch
                  size="small"
                  checked={i.isEnabled}
                  onChange={(isEnabled) => save(i.code, { isEnabled })}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
