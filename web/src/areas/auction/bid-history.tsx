import { Table, Tag } from 'antd';
import type { TPublicBid, TPublicLot } from '../../api/disposal.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatChinaTimeSeconds } from './time.ts';

/**
 * 竞价记录: the latest bids, newest first, each by its bidder number only — never a name. The
 * highest is marked leading (or won, after the close); the bidder's own number is marked "me".
 */
export function BidHistory({ lot, myBidderNumber }: { lot: TPublicLot; myBidderNumber: string | null }) {
  const { t } = useI18n();
  const top = lot.bids[0]?.seq;
  const isClosed = lot.winnerBidderNumber !== null;
  return (
    <Table<TPublicBid>
      rowKey="seq"
      size="small"
      dataSource={lot.bids}
      pagination={lot.bids.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t('auction.lot.noBids') }}
      data-testid="lot-bids"
      columns={[
        {
          key: 'status',
          title: t('auction.bid.status'),
          width: 72,
          render: (_, bid) =>
            bid.seq === top ? (
              <Tag color={isClosed ? 'green' : 'red'}>
                {t(isClosed ? 'auction.bid.won' : 'auction.bid.leading')}
              </Tag>
            ) : (
              <Tag>{t('auction.bid.outbid')}</Tag>
            ),
        },
        {
          key: 'bidder',
          title: t('auction.bid.bidderNumber'),
          render: (_, bid) => (
            <span className="tabular-nums" data-testid="bid-bidder">
              {bid.bidderNumber}
              {bid.bidderNumber === myBidderNumber ? (
                <Tag color="blue" style={{ marginInlineStart: 6 }}>
                  {t('auction.bid.you')}
                </Tag>
              ) : null}
              {bid.isPreemptor ? (
                <Tag style={{ marginInlineStart: 6 }}>{t('auction.bid.preemptor')}</Tag>
              ) : null}
            </span>
          ),
        },
        {
          key: 'amount',
          title: t('auction.bid.amount'),
          align: 'right',
          render: (_, bid) => <MoneyText fen={bid.amountFen} strong={bid.seq === top} />,
        },
        {
          key: 'at',
          title: t('auction.bid.at'),
          responsive: ['sm'],
          render: (_, bid) => <span className="tabular-nums">{formatChinaTimeSeconds(bid.at)}</span>,
        },
      ]}
    />
  );
}
