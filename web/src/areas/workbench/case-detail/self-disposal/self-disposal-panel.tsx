import { CheckCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatChinaDateTime } from '../../../../../../src/kernel/index.ts';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { type TCaseAsset, useCaseValuations } from '../../../../api/disposal.ts';
import {
  type TSelfDisposal,
  type TSelfDisposalApplication,
  type TSelfDisposalState,
  useCaseSelfDisposals,
} from '../../../../api/self-disposal.ts';
import { useCurrentUser } from '../../../../app/current-user.tsx';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { MoneyText } from '../../../../components/money-text.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../../../i18n/index.ts';
import { assetTypeKey } from '../inquiry/labels.ts';
import { type CreatePrefill, CreateSelfDisposalModal } from './create-self-disposal-modal.tsx';
import { RecordSaleModal } from './record-sale-modal.tsx';

const stateKey = (state: TSelfDisposalState): MessageKey => `selfDisposal.state.${state}`;
const stateColor: Record<TSelfDisposalState, string> = {
  open: 'processing',
  paid: 'gold',
  // A neutral tag with a check: antd's green tag text is too faint for WCAG AA contrast.
  completed: 'default',
  lapsed: 'red',
};

/**
 * 自行处置 on the case page (善意文明执行意见, 法发〔2019〕35号): the self-disposals the judge granted
 * with their period, lowest price, sale, the money paid into the case account and the seal; the
 * respondent's applications to grant. Followed by itself while a paid sale's seal is lifted.
 */
export function SelfDisposalPanel({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const list = useCaseSelfDisposals(detail.id);
  const valuations = useCaseValuations(detail.id);
  const [creating, setCreating] = useState<CreatePrefill | null>(null);
  const [selling, setSelling] = useState<TSelfDisposal | null>(null);

  if (list.isPending) return <PageSpin />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const { items, applications } = list.data;
  const assets = valuations.data?.assets ?? [];
  const isOpenCase = detail.status !== 'closed';
  // The case judge decides (善意文明执行意见); the server checks it again.
  const canGrant = isOpenCase && detail.team.judge?.id === user.id;
  const canRecordSale = isOpenCase && detail.isTeamMember;
  const pending = applications.filter((a) => a.state === 'pending');
  const assetLabel = (asset: TCaseAsset) => {
    const key = assetTypeKey(asset.assetType);
    return `${key ? t(key) : asset.assetType} ${asset.identifier}`;
  };
  const assetText = (assetId: string, assetType: string) => {
    const asset = assets.find((a) => a.assetId === assetId);
    if (asset) return assetLabel(asset);
    const key = assetTypeKey(assetType);
    return key ? t(key) : assetType;
  };

  return (
    <Flex vertical gap={12} data-testid="self-disposal-panel">
      <Alert type="info" showIcon title={t('selfDisposal.intro')} />
      <Flex justify="flex-end" gap={8}>
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={list.isFetching}
          onClick={() => list.refetch()}
          data-testid="self-disposal-refresh"
        >
          {t('selfDisposal.refresh')}
        </Button>
        {canGrant ? (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating({ application: null })}
            data-testid="self-disposal-grant"
          >
            {t('selfDisposal.grant')}
          </Button>
        ) : null}
      </Flex>
      <Card size="small" title={`${t('selfDisposal.items')} (${items.length})`}>
        <Table<TSelfDisposal>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 1330 }}
          locale={{
            emptyText: <Typography.Text type="secondary">{t('selfDisposal.items.empty')}</Typography.Text>,
          }}
          data-testid="self-disposal-items"
          columns={[
            {
              key: 'asset',
              title: t('selfDisposal.asset'),
              width: 260,
              render: (_, sd) => (
                <Flex vertical>
                  <Typography.Text>{assetText(sd.assetId, sd.assetType)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {sd.assetDescription}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'period',
              title: t('selfDisposal.period'),
              width: 150,
              render: (_, sd) => (
                <Flex vertical className="tabular-nums">
                  <span>{t('selfDisposal.periodDays', { days: sd.days })}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('selfDisposal.decidedOn', { date: sd.decidedOn })}
                  </Typography.Text>
                  <Typography.Text style={{ fontSize: 12 }} data-testid="self-disposal-due">
                    {t('selfDisposal.dueOn', { date: sd.dueOn })}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'lowest',
              title: t('selfDisposal.lowestPrice'),
              align: 'right',
              width: 140,
              render: (_, sd) => <MoneyText fen={sd.lowestPriceFen} />,
            },
            {
              key: 'sale',
              title: t('selfDisposal.salePrice'),
              width: 170,
              render: (_, sd) =>
                sd.sale ? (
                  <Flex vertical data-testid="self-disposal-sale">
                    <MoneyText fen={sd.sale.priceFen} strong />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('selfDisposal.buyer')}：{sd.sale.buyerName}
                    </Typography.Text>
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('selfDisposal.noSale')}</Typography.Text>
                ),
            },
            {
              key: 'paid',
              title: t('selfDisposal.paid'),
              align: 'right',
              width: 140,
              render: (_, sd) => (
                <span data-testid="self-disposal-paid" data-fen={sd.paidFen}>
                  <MoneyText fen={sd.paidFen} />
                </span>
              ),
            },
            {
              key: 'account',
              title: t('selfDisposal.account'),
              width: 190,
              render: (_, sd) =>
                sd.accountNumber ? (
                  <Typography.Text copyable className="tabular-nums" data-testid="self-disposal-account">
                    {sd.accountNumber}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('selfDisposal.noAccount')}</Typography.Text>
                ),
            },
            {
              key: 'state',
              title: t('selfDisposal.state'),
              width: 170,
              render: (_, sd) => (
                <Flex vertical align="flex-start" gap={4}>
                  <Tag
                    color={stateColor[sd.state]}
                    icon={sd.state === 'completed' ? <CheckCircleOutlined /> : undefined}
                    data-testid="self-disposal-state"
                    data-state={sd.state}
                  >
                    {t(stateKey(sd.state))}
                  </Tag>
                  <Tag
                    color={sd.isAssetUnderControl ? 'blue' : 'default'}
                    data-testid="self-disposal-seal"
                    data-in-force={String(sd.isAssetUnderControl)}
                  >
                    {t(sd.isAssetUnderControl ? 'selfDisposal.seal.inForce' : 'selfDisposal.seal.released')}
                  </Tag>
                  {sd.state === 'paid' && !sd.releaseProblem ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('selfDisposal.seal.releasing')}
                    </Typography.Text>
                  ) : null}
                  {sd.releaseProblem ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {t('selfDisposal.releaseProblem', { problem: sd.releaseProblem })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 120,
              render: (_, sd) =>
                canRecordSale && sd.state === 'open' && !sd.sale ? (
                  <Button
                    size="small"
                    onClick={() => setSelling(sd)}
                    data-testid={`self-disposal-sale-${sd.id}`}
                  >
                    {t('selfDisposal.recordSale')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('selfDisposal.applications')} (${pending.length})`}>
        <Table<TSelfDisposalApplication>
          rowKey="id"
          size="small"
          dataSource={pending}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{
            emptyText: (
              <Typography.Text type="secondary">{t('selfDisposal.applications.empty')}</Typography.Text>
            ),
          }}
          data-testid="self-disposal-applications"
          columns={[
            {
              key: 'asset',
              title: t('selfDisposal.asset'),
              render: (_, a) => {
                const asset = assets.find((x) => x.assetId === a.assetId);
                return asset ? assetLabel(asset) : a.assetId;
              },
            },
            {
              key: 'price',
              title: t('selfDisposal.proposedPrice'),
              align: 'right',
              width: 140,
              render: (_, a) => <MoneyText fen={a.proposedPriceFen} />,
            },
            {
              key: 'buyer',
              title: t('selfDisposal.proposedBuyer'),
              width: 140,
              render: (_, a) => a.buyer ?? '—',
            },
            { key: 'note', title: t('selfDisposal.note'), dataIndex: 'note' },
            {
              key: 'submitter',
              title: t('selfDisposal.submitted'),
              width: 160,
              render: (_, a) => (
                <Flex vertical>
                  <span>{a.submitterName}</span>
                  <Typography.Text type="secondary" className="tabular-nums" style={{ fontSize: 12 }}>
                    {formatChinaDateTime(a.submittedAt)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 100,
              render: (_, a) =>
                canGrant ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setCreating({ application: a })}
                    data-testid={`self-disposal-approve-${a.id}`}
                  >
                    {t('selfDisposal.approve')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <CreateSelfDisposalModal
        caseId={detail.id}
        prefill={creating}
        assets={assets}
        assetLabel={assetLabel}
        onClose={() => setCreating(null)}
      />
      <RecordSaleModal caseId={detail.id} selfDisposal={selling} onClose={() => setSelling(null)} />
    </Flex>
  );
}
