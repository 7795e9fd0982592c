import { PictureOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatYuan } from '../../../../src/kernel/index.ts';
import type { TLotSummary } from '../../api/disposal.ts';
import { useI18n } from '../../i18n/index.ts';
import { assetTypeKey, lotStateColor, lotStateKey } from './labels.ts';
import { photoFallback } from './lot-photos.tsx';
import { formatChinaTime } from './time.ts';

/** One lot in the search results; the whole card is the link to its page (named by its title). */
export function LotCard({ lot }: { lot: TLotSummary }) {
  const { t } = useI18n();
  const typeKey = assetTypeKey(lot.assetType);
  const isUpcoming = lot.state === 'announced';
  return (
    <Link
      to={`/auction/lots/${encodeURIComponent(lot.id)}`}
      data-testid="lot-card"
      data-lot-id={lot.id}
      style={{ display: 'block', height: '100%' }}
    >
      <Card
        hoverable
        className="auction-lot-card"
        style={{ height: '100%' }}
        styles={{ body: { padding: 12 } }}
        cover={
          lot.photoUrl ? (
            <img
              src={lot.photoUrl}
              alt=""
              onError={(event) => {
                if (event.currentTarget.src !== photoFallback) event.currentTarget.src = photoFallback;
              }}
            />
          ) : (
            <div className="auction-lot-card-placeholder">
              <PictureOutlined style={{ fontSize: 32 }} aria-hidden />
            </div>
          )
        }
      >
        <Flex vertical gap={6}>
          <Flex gap={6} wrap>
            <Tag color={lotStateColor[lot.state]}>{t(lotStateKey(lot.state))}</Tag>
            <Tag>{typeKey ? t(typeKey) : lot.assetType}</Tag>
          </Flex>
          <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: 0, minHeight: 44 }}>
            {lot.title}
          </Typography.Paragraph>
          <Flex justify="space-between" align="baseline" wrap>
            <Typography.Text type="secondary">
              {t(lot.bidCount > 0 ? 'auction.card.currentPrice' : 'auction.card.startingPrice')}
            </Typography.Text>
            <Typography.Text
              strong
              className="tabular-nums"
              style={{ color: '#c8102e', fontSize: 18 }}
              data-testid="lot-card-price"
            >
              ¥{formatYuan(lot.currentPriceFen)}
            </Typography.Text>
          </Flex>
          <Flex justify="space-between" wrap gap={4}>
            <Typography.Text type="secondary" className="tabular-nums" style={{ fontSize: 12 }}>
              {isUpcoming
                ? t('auction.card.startsAt', { time: formatChinaTime(lot.biddingStartsAt) })
                : t('auction.card.endsAt', { time: formatChinaTime(lot.endsAt) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('auction.card.bids', { count: lot.bidCount })}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {lot.courtName}
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
