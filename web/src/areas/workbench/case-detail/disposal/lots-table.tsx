import { ExportOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TCaseLot } from '../../../../api/disposal.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { lotStateColor, lotStateKey } from '../../../auction/labels.ts';
import { roundKey } from './labels.ts';
import type { DecisionKind } from './lot-decision-modal.tsx';

/** What the court may decide on a lot (DOMAIN §7); the server has the last word. */
export type LotStep = DecisionKind | 'reauction';

/**
 * After a failed round, the next steps the rules allow — on the asset's latest lot only: after the
 * first failure a second round or 以物抵债; after the second 以物抵债, 变卖 or release; after a sale
 * nobody paid, 以物抵债 or release.
 */
export function stepsOf(lot: TCaseLot, lots: TCaseLot[]): LotStep[] {
  const latest = lots.filter((l) => l.assetId === lot.assetId).at(-1);
  if (latest?.id !== lot.id) return [];
  if (lot.state === 'failed') {
    return lot.round === 'first' ? ['reauction', 'transferInLieu'] : ['transferInLieu', 'sale', 'release'];
  }
  if (lot.state === 'saleEnded') return ['transferInLieu', 'release'];
  return [];
}

const stepKeys = {
  reauction: 'disposal.lot.reauction',
  transferInLieu: 'disposal.decide.transferInLieu',
  sale: 'disposal.decide.sale',
  release: 'disposal.decide.release',
} as const;

/** 网络司法拍卖 of the case: each lot's round, state, prices, end, and for the court the winner. */
export function LotsTable({
  lots,
  canAct = false,
  onStep,
}: {
  lots: TCaseLot[];
  canAct?: boolean;
  onStep?: (lot: TCaseLot, step: LotStep) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<TCaseLot>
      rowKey="id"
      size="small"
      dataSource={lots}
      pagination={false}
      scroll={{ x: 1130 }}
      locale={{ emptyText: t('disposal.lots.empty') }}
      data-testid="disposal-lots"
      columns={[
        {
          key: 'title',
          title: t('disposal.lot'),
          render: (_, lot) => (
            <Flex vertical>
              <Typography.Text>{lot.title}</Typography.Text>
              <a
                href={`/auction/lots/${encodeURIComponent(lot.id)}`}
                target="_blank"
                rel="noopener"
                data-testid="lot-public-link"
              >
                {t('disposal.lot.publicPage')} <ExportOutlined aria-hidden />
              </a>
            </Flex>
          ),
        },
        {
          key: 'round',
          title: t('disposal.lot.round'),
          width: 80,
          render: (_, lot) => t(roundKey(lot.round)),
        },
        {
          key: 'state',
          title: t('disposal.lot.state'),
          width: 120,
          render: (_, lot) => (
            <Flex vertical align="flex-start">
              <Tag color={lotStateColor[lot.state]} data-testid="lot-state" data-state={lot.state}>
                {t(lotStateKey(lot.state))}
              </Tag>
              {lot.state === 'saleOpen' && lot.saleEndsOn ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="lot-sale-ends">
                  {t('disposal.lot.saleEndsOn', { date: lot.saleEndsOn })}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        {
          key: 'starting',
          title: t('disposal.lot.startingPrice'),
          align: 'right',
          width: 140,
          render: (_, lot) => <MoneyText fen={lot.startingPriceFen} />,
        },
        {
          key: 'current',
          title: t('disposal.lot.currentPrice'),
          align: 'right',
          width: 140,
          render: (_, lot) => <MoneyText fen={lot.currentPriceFen} strong />,
        },
        { key: 'bids', title: t('disposal.lot.bidCount'), align: 'right', width: 80, dataIndex: 'bidCount' },
        {
          key: 'endsAt',
          title: t('disposal.lot.endsAt'),
          width: 140,
          render: (_, lot) => <span className="tabular-nums">{formatDateTime(lot.endsAt)}</span>,
        },
        {
          key: 'winner',
          title: t('disposal.lot.winner'),
          width: 200,
          render: (_, lot) =>
            lot.winner ? (
              <Flex vertical>
                <span data-testid="lot-winner">
                  {t('disposal.lot.winnerText', {
                    name: lot.winner.name,
                    number: lot.winner.bidderNumber ?? '—',
                  })}
                </span>
                <MoneyText fen={lot.winner.priceFen} />
                {lot.paidOn ? (
                  <Typography.Text type="success">
                    {t('disposal.lot.paidOn', { date: lot.paidOn })}
                  </Typography.Text>
                ) : lot.balanceDueOn ? (
                  <Typography.Text type="secondary">
                    {t('disposal.lot.balanceDueOn', { date: lot.balanceDueOn })}
                  </Typography.Text>
                ) : null}
                {lot.ruling ? (
                  <Typography.Text type="secondary">
                    {t('disposal.lot.ruling', { date: lot.ruling.issuedOn })}
                  </Typography.Text>
                ) : null}
              </Flex>
            ) : (
              '—'
            ),
        },
        ...(canAct
          ? [
              {
                key: 'actions',
                title: t('disposal.lot.actions'),
                width: 150,
                render: (_: unknown, lot: TCaseLot) => {
                  const steps = stepsOf(lot, lots);
                  if (steps.length === 0) return null;
                  return (
                    <Flex vertical align="flex-start" gap={4}>
                      {steps.map((step) => (
                        <Button
                          key={step}
                          size="small"
                          type={step === 'reauction' || step === 'sale' ? 'primary' : 'default'}
                          onClick={() => onStep?.(lot, step)}
                          data-testid={`lot-step-${step}`}
                        >
                          {t(stepKeys[step])}
                        </Button>
                      ))}
                    </Flex>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
