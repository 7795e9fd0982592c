import { DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Button,
  Flex,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import type {
  TAssetItem,
  TAssetSort,
  TMeasure,
  TMeasureList,
} from '../../../../../../src/modules/inquiry/contracts.ts';
import { assetExportUrl, useCaseAssets } from '../../../../api/inquiry.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { assetTypeKey, isBalanceType, measureKindKey, startableKinds } from './labels.ts';
import type { MeasureTarget } from './measure-modal.tsx';

type Props = {
  caseId: string;
  isLive: boolean;
  canAct: boolean;
  measures: TMeasureList | undefined;
  onMeasure: (target: MeasureTarget) => void;
};

const sortable: TAssetSort[] = ['answeredAt', 'valueFen', 'assetType', 'institution', 'respondentName'];

/** 查控财产反馈清单: sortable, exportable, refreshing while answers come in; measures from each row. */
export function FeedbackTable({ caseId, isLive, canAct, measures, onMeasure }: Props) {
  const { t, pick, lang } = useI18n();
  const [sort, setSort] = useState<TAssetSort>('answeredAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const assets = useCaseAssets(caseId, sort, order, isLive);
  // The last answers can land between the last poll and the moment the inquiry reads as done:
  // read the list once more when it stops being live.
  const wasLive = useRef(isLive);
  const { refetch } = assets;
  useEffect(() => {
    if (wasLive.current && !isLive) void refetch();
    wasLive.current = isLive;
  }, [isLive, refetch]);
  if (assets.isError && !assets.data)
    return <QueryError error={assets.error} onRetry={() => assets.refetch()} />;
  const outstanding = assets.data?.outstandingClaimFen ?? 0;
  const limitOf = (assetType: string) => measures?.limits.find((l) => l.assetType === assetType);
  const controlOf = (assetId: string): TMeasure | undefined =>
    measures?.items.find(
      (m) =>
        m.assetId === assetId &&
        (m.kind === 'freeze' || m.kind === 'seal' || m.kind === 'seize') &&
        (m.state === 'inForce' || m.state === 'queued' || m.state === 'requested'),
    );
  const label = (a: TAssetItem) => `${a.description}（${a.institutionName}）`;

  const actionsOf = (a: TAssetItem) => {
    const control = controlOf(a.id);
    if (!control) {
      const limit = limitOf(a.assetType);
      return startableKinds(a.assetType).map((kind) => (
        <Button
          key={kind}
          size="small"
          type={kind === 'freeze' || kind === 'seal' ? 'primary' : 'default'}
          ghost={kind === 'freeze' || kind === 'seal'}
          data-testid={`measure-${kind}-${a.id}`}
          // The claim already secured in full: no further freeze (over-freezing is refused anyway).
          disabled={kind === 'freeze' && outstanding <= 0}
          title={kind === 'freeze' && outstanding <= 0 ? t('inquiry.claimSecured') : undefined}
          onClick={() =>
            onMeasure({
              assetId: a.id,
              assetLabel: label(a),
              kind,
              maxFen: kind === 'freeze' ? outstanding : null,
              defaultFen:
                kind === 'freeze'
                  ? Math.min(outstanding, a.availableFen ?? a.balanceFen ?? outstanding)
                  : null,
              maxUntil: limit?.maxUntil ?? null,
              years: limit?.years ?? null,
            })
          }
        >
          {t(measureKindKey(kind))}
        </Button>
      ));
    }
    if (control.state === 'requested') return [<Tag key="wait">{t('inquiry.state.requested')}</Tag>];
    return [
      <Tag key="on" color="green">
        {t(measureKindKey(control.kind))}
      </Tag>,
    ];
  };

  const columns: TableColumnsType<TAssetItem> = [
    {
      key: 'respondentName',
      title: t('inquiry.col.respondent'),
      dataIndex: 'respondentName',
      width: 130,
      sorter: true,
    },
    {
      key: 'assetType',
      title: t('inquiry.col.assetType'),
      width: 100,
      sorter: true,
      render: (_v, a) => {
        const key = assetTypeKey(a.assetType);
        return key ? t(key) : a.assetType;
      },
    },
    {
      key: 'institution',
      title: t('inquiry.col.institution'),
      width: 170,
      sorter: true,
      render: (_v, a) => (
        <Flex vertical gap={2}>
          <span>{a.institutionName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(a.channel === 'local' ? 'inquiry.channel.local' : 'inquiry.channel.national')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'asset',
      title: t('inquiry.col.asset'),
      render: (_v, a) => (
        <Flex vertical gap={2}>
          <span>{a.description}</span>
          <Typography.Text type="secondary" className="tabular-nums" style={{ fontSize: 12 }}>
            {a.identifier}
          </Typography.Text>
          {a.channelDifference ? (
            <Tooltip title={pick(a.channelDifference)}>
              <Tag color="orange" icon={<WarningOutlined />} style={{ width: 'fit-content' }}>
                {t('inquiry.difference')}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'valueFen',
      title: t('inquiry.col.value'),
      width: 140,
      align: 'right',
      sorter: true,
      render: (_v, a) => <MoneyText fen={a.valueFen} />,
    },
    {
      key: 'available',
      title: t('inquiry.col.available'),
      width: 130,
      align: 'right',
      render: (_v, a) => (isBalanceType(a.assetType) ? <MoneyText fen={a.availableFen} /> : '—'),
    },
    {
      key: 'encumbrances',
      title: t('inquiry.col.encumbrances'),
      width: 200,
      render: (_v, a) =>
        a.encumbrances.length === 0 ? (
          <Typography.Text type="secondary">{t('inquiry.none')}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {a.encumbrances.map((e) => (
              <Typography.Text key={`${e.caseNumber}-${e.kind}`} style={{ fontSize: 12 }}>
                {e.court}{' '}
                {e.kind === 'freeze' || e.kind === 'seal' || e.kind === 'seize'
                  ? t(measureKindKey(e.kind))
                  : e.kind}
                {e.queuePosition ? ` · ${t('inquiry.queue', { n: e.queuePosition })}` : ''}
                {e.until ? ` · ${e.until}` : ''}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
    {
      key: 'answeredAt',
      title: t('inquiry.col.answeredAt'),
      width: 140,
      sorter: true,
      defaultSortOrder: 'descend',
      render: (_v, a) => <span className="tabular-nums">{formatDateTime(a.answeredAt)}</span>,
    },
  ];
  if (canAct) {
    columns.push({
      key: 'actions',
      title: t('inquiry.col.actions'),
      width: 150,
      fixed: 'right',
      render: (_v, a) => <Space size={4}>{actionsOf(a)}</Space>,
    });
  }

  const onChange: TableProps<TAssetItem>['onChange'] = (_p, _f, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = sortable.find((s) => s === single?.columnKey);
    if (key && single?.order) {
      setSort(key);
      setOrder(single.order === 'ascend' ? 'asc' : 'desc');
    } else {
      setSort('answeredAt');
      setOrder('desc');
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
        <Typography.Text type="secondary">
          {t('inquiry.outstanding')}：<MoneyText fen={outstanding} strong />
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={assetExportUrl(caseId, sort, order, lang)}
          data-testid="export-assets"
        >
          {t('inquiry.export')}
        </Button>
      </Flex>
      <Table<TAssetItem>
        rowKey="id"
        size="small"
        data-testid="feedback-table"
        columns={columns}
        dataSource={assets.data?.items ?? []}
        loading={assets.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1400 }}
        onChange={onChange}
        locale={{ emptyText: t('inquiry.empty') }}
      />
    </>
  );
}
