import { Alert, Badge, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { formatYuan } from '../../../../src/kernel/index.ts';
import type { TPublicLot } from '../../api/disposal.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';
import { BidPanel } from './bid-panel.tsx';
import { Countdown, phaseOf } from './countdown.tsx';
import { lotStateColor, lotStateKey } from './labels.ts';
import { PurchasePanel } from './purchase-panel.tsx';
import { formatChinaTime, formatChinaTimeSeconds } from './time.ts';
import type { Connection } from './use-live-lot.ts';

/**
 * The lot's live side: its state, the current price, the countdown on the server's time, the end
 * (and that late bids moved it), the terms, the result after the close, and the bidder's next step.
 */
export function LotPricePanel({
  lot,
  nowMs,
  connection,
}: {
  lot: TPublicLot;
  nowMs: number;
  connection: Connection;
}) {
  const { t } = useI18n();
  const phase = phaseOf(lot, nowMs);
  const isExtended =
    lot.endsAt !== lot.biddingEndsAt && Date.parse(lot.endsAt) > Date.parse(lot.biddingEndsAt);
  const isFailed = lot.state === 'failed';
  const hasWinner = lot.winnerBidderNumber !== null;
  const shownState = phase === 'bidding' || phase === 'closing' ? 'bidding' : lot.state;
  const isLive = phase !== 'over';
  // 变卖 after two failed rounds: a fixed price for the window, bought outright.
  const sale = lot.sale;
  const isForSale = lot.state === 'saleOpen';

  return (
    <Card data-testid="lot-price-panel" data-state={lot.state}>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Tag
            color={lotStateColor[shownState]}
            data-testid="lot-state"
            data-state={lot.state}
            style={{ fontSize: 14 }}
          >
            {t(lotStateKey(shownState))}
          </Tag>
          {isLive ? (
            <Badge
              status={connection === 'live' ? 'processing' : 'warning'}
              text={t(connection === 'live' ? 'auction.live.on' : 'auction.live.reconnecting')}
              data-testid="lot-connection"
              data-connection={connection}
            />
          ) : null}
        </Flex>
        <div>
          <Typography.Text type="secondary">
            {t(
              hasWinner
                ? 'auction.lot.finalPrice'
                : isForSale
                  ? 'auction.sale.price'
                  : 'auction.lot.currentPrice',
            )}
          </Typography.Text>
          <div
            data-testid="lot-current-price"
            data-fen={lot.currentPriceFen}
            className="tabular-nums"
            style={{ fontSize: 32, fontWeight: 600, color: '#c8102e', lineHeight: 1.2 }}
          >
            ¥{formatYuan(lot.priceFen ?? (isForSale && sale ? sale.priceFen : lot.currentPriceFen))}
          </div>
          {sale ? null : (
            <Typography.Text type="secondary" data-testid="lot-bid-count" data-count={lot.bidCount}>
              {t('auction.card.bids', { count: lot.bidCount })}
            </Typography.Text>
          )}
        </div>
        {sale ? (
          <Alert
            type={isForSale ? 'warning' : 'info'}
            showIcon
            data-testid="lot-sale"
            data-fen={sale.priceFen}
            data-ends-on={sale.endsOn}
            title={
              <span>
                {t('auction.sale.price')} <MoneyText fen={sale.priceFen} strong /> ·{' '}
                {t('auction.sale.endsOn')} <span className="tabular-nums">{sale.endsOn}</span>
              </span>
            }
            description={lot.state === 'saleEnded' ? t('auction.sale.ended') : t('auction.sale.rule')}
          />
        ) : (
          <Countdown lot={lot} nowMs={nowMs} />
        )}
        {hasWinner ? (
          <Alert
            type="success"
            showIcon
            data-testid="lot-winner"
            data-bidder={lot.winnerBidderNumber}
            title={
              <span>
                {t('auction.lot.winner')}{' '}
                <Typography.Text strong className="tabular-nums">
                  {lot.winnerBidderNumber}
                </Typography.Text>
              </span>
            }
            description={
              lot.balanceDueOn && !sale ? `${t('auction.lot.balanceDueOn')}：${lot.balanceDueOn}` : undefined
            }
          />
        ) : null}
        {isFailed ? (
          <Alert type="info" showIcon title={t('auction.lot.failed')} data-testid="lot-failed" />
        ) : null}
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'endsAt',
              label: t('auction.lot.endsAt'),
              children: (
                <Flex vertical>
                  <span className="tabular-nums" data-testid="lot-ends-at" data-ends-at={lot.endsAt}>
                    {formatChinaTimeSeconds(lot.endsAt)}
                  </span>
                  {isExtended ? (
                    <Typography.Text type="warning" data-testid="lot-extended">
                      {t('auction.lot.extendedFrom', { time: formatChinaTime(lot.biddingEndsAt) })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'startsAt',
              label: t('auction.lot.startsAt'),
              children: <span className="tabular-nums">{formatChinaTime(lot.biddingStartsAt)}</span>,
            },
            {
              key: 'starting',
              label: t('auction.lot.startingPrice'),
              children: <MoneyText fen={lot.startingPriceFen} />,
            },
            {
              key: 'increment',
              label: t('auction.lot.increment'),
              children: <MoneyText fen={lot.incrementFen} />,
            },
            { key: 'deposit', label: t('auction.lot.deposit'), children: <MoneyText fen={lot.depositFen} /> },
            {
              key: 'reference',
              label: t('auction.lot.reference'),
              children: <MoneyText fen={lot.referencePriceFen} />,
            },
          ]}
        />
        {lot.hasPreemptors ? <Alert type="info" showIcon title={t('auction.lot.hasPreemptors')} /> : null}
        {sale ? <PurchasePanel lot={lot} /> : <BidPanel lot={lot} nowMs={nowMs} />}
      </Flex>
    </Card>
  );
}
