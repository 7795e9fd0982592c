import { FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import type { TDocument, TMeasure, TMeasureList } from '../../../../../../src/modules/inquiry/contracts.ts';
import { fetchMeasureDocument } from '../../../../api/inquiry.ts';
import { describeError } from '../../../../components/error-text.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { assetTypeKey, measureKindKey, measureStateColor, measureStateKey } from './labels.ts';
import type { MeasureTarget } from './measure-modal.tsx';

type Props = {
  measures: TMeasureList | undefined;
  isLoading: boolean;
  canAct: boolean;
  onMeasure: (t: MeasureTarget) => void;
};

/** The case's measures: state, real amounts, expiry with warnings and one-click renewal, notices. */
export function MeasuresTable({ measures, isLoading, canAct, onMeasure }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [doc, setDoc] = useState<TDocument | null>(null);
  const items = measures?.items ?? [];
  const expiring = items.filter((m) => m.isExpiringSoon);
  const yearsOf = (assetType: string) =>
    measures?.limits.find((l) => l.assetType === assetType)?.years ?? null;
  const hasPendingAction = (m: TMeasure) =>
    items.some((x) => x.targetMeasureId === m.id && x.state === 'requested');
  const label = (m: TMeasure) => m.assetDescription;

  const renew = (m: TMeasure) =>
    onMeasure({
      assetId: m.assetId,
      assetLabel: label(m),
      kind: 'renew',
      maxFen: null,
      defaultFen: null,
      maxUntil: m.maxRenewalUntil,
      years: yearsOf(m.assetType),
    });

  const actionsOf = (m: TMeasure) => {
    const isControl = m.kind === 'freeze' || m.kind === 'seal' || m.kind === 'seize';
    if (!canAct || !isControl || (m.state !== 'inForce' && m.state !== 'queued') || hasPendingAction(m))
      return null;
    const frozen = m.amountFen ?? 0;
    return (
      <Space size={4} wrap>
        <Button
          size="small"
          type={m.isExpiringSoon ? 'primary' : 'default'}
          data-testid={`renew-${m.id}`}
          onClick={() => renew(m)}
        >
          {m.isExpiringSoon ? t('inquiry.renewNow') : t('inquiry.kind.renew')}
        </Button>
        <Button
          size="small"
          onClick={() =>
            onMeasure({
              assetId: m.assetId,
              assetLabel: label(m),
              kind: 'unfreeze',
              maxFen: null,
              defaultFen: null,
              maxUntil: null,
              years: null,
            })
          }
        >
          {t('inquiry.kind.unfreeze')}
        </Button>
        {m.kind === 'freeze' && m.state === 'inForce' && frozen > 0 ? (
          <Button
            size="small"
            danger
            onClick={() =>
              onMeasure({
                assetId: m.assetId,
                assetLabel: label(m),
                kind: 'deduct',
                maxFen: frozen,
                defaultFen: frozen,
                maxUntil: null,
                years: null,
              })
            }
          >
            {t('inquiry.kind.deduct')}
          </Button>
        ) : null}
      </Space>
    );
  };

  const columns: TableColumnsType<TMeasure> = [
    {
      key: 'kind',
      title: t('inquiry.col.actions'),
      width: 90,
      render: (_v, m) => t(measureKindKey(m.kind)),
    },
    {
      key: 'asset',
      title: t('inquiry.col.asset'),
      render: (_v, m) => {
        const key = assetTypeKey(m.assetType);
        return (
          <Flex vertical gap={2}>
            <span>{m.assetDescription}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {key ? t(key) : m.assetType} · {m.institutionName}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'state',
      title: t('inquiry.col.state'),
      width: 150,
      render: (_v, m) => {
        const key = measureStateKey(m.state);
        return (
          <Flex vertical gap={2}>
            <Tag color={measureStateColor[m.state] ?? 'default'} style={{ width: 'fit-content' }}>
              {key ? t(key) : m.state}
            </Tag>
            {m.queuePosition && m.queuePosition > 1 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inquiry.queue', { n: m.queuePosition })}
              </Typography.Text>
            ) : null}
            {m.reason ? (
              <Typography.Text type={m.state === 'inForce' ? 'warning' : 'danger'} style={{ fontSize: 12 }}>
                {i18n.pickMessage(m.reason)}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    {
      key: 'amount',
      title: t('inquiry.col.amount'),
      width: 150,
      align: 'right',
      render: (_v, m) =>
        m.kind === 'freeze' || m.kind === 'deduct' ? (
          <Flex vertical gap={2} align="flex-end">
            <MoneyText fen={m.amountFen ?? m.requestedFen} />
            {m.deductedFen > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inquiry.deducted', { amount: `¥${formatYuan(m.deductedFen)}` })}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'until',
      title: t('inquiry.col.until'),
      width: 150,
      render: (_v, m) => (
        <Flex vertical gap={2}>
          <span className="tabular-nums">{m.until ?? '—'}</span>
          {m.isExpiringSoon && m.daysLeft !== null ? (
            <Tag color="red" style={{ width: 'fit-content' }}>
              {t('inquiry.expiring', { days: m.daysLeft })}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'document',
      title: t('inquiry.col.document'),
      width: 90,
      render: (_v, m) => (
        <Button
          size="small"
          type="link"
          icon={<FileTextOutlined />}
          onClick={() =>
            fetchMeasureDocument(m.id).then(setDoc, (error: unknown) =>
              message.error(describeError(error, i18n)),
            )
          }
        >
          {t('inquiry.document')}
        </Button>
      ),
    },
    { key: 'actions', title: '', width: 200, render: (_v, m) => actionsOf(m) },
  ];

  return (
    <>
      {expiring.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('inquiry.expiringAlert', { count: expiring.length })}
        />
      ) : null}
      <Table<TMeasure>
        rowKey="id"
        size="small"
        data-testid="measures-table"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
      />
      <Modal open={doc !== null} title={doc?.name} footer={null} onCancel={() => setDoc(null)} width={720}>
        <pre
          style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', lineHeight: 1.9 }}
          data-testid="notice-text"
        >
          {doc?.text}
        </pre>
      </Modal>
    </>
  );
}
