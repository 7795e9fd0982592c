import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Descriptions, Flex, Result, Row, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { formatYuan } from '../../../../src/kernel/index.ts';
import { isApiError } from '../../api/client.ts';
import { auctionKeys, type TPublicLot, useBidderHome } from '../../api/disposal.ts';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { BidHistory } from './bid-history.tsx';
import { useBidderSession } from './bidder-session.ts';
import { phaseOf } from './countdown.tsx';
import { assetTypeKey } from './labels.ts';
import { LotPhotos } from './lot-photos.tsx';
import { LotPricePanel } from './lot-price-panel.tsx';
import { formatChinaTime } from './time.ts';
import { useDocumentTitle } from './use-document-title.ts';
import { type BidFrame, type Connection, useLiveLot, useServerNow } from './use-live-lot.ts';

const closingPollMs = 3000;

/** 拍品详情: the public lot page, live through the lot's stream. */
export function LotPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  const { query, connection, lastBid } = useLiveLot(id);
  useDocumentTitle(query.data?.lot.title ?? t('auction.brand'));

  if (query.isPending) return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
  if (query.isError) {
    const isMissing = isApiError(query.error) && query.error.status === 404;
    return (
      <Result
        status={isMissing ? '404' : 'error'}
        title={isMissing ? t('auction.lot.notFound') : t('common.loadFailed')}
        subTitle={isMissing ? undefined : describeError(query.error, i18n)}
        extra={<Link to="/auction">{t('auction.lot.back')}</Link>}
      />
    );
  }
  return (
    <LotView lot={query.data.lot} offsetMs={query.data.offsetMs} connection={connection} lastBid={lastBid} />
  );
}

function LotView({
  lot,
  offsetMs,
  connection,
  lastBid,
}: {
  lot: TPublicLot;
  offsetMs: number;
  connection: Connection;
  lastBid: BidFrame | null;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const nowMs = useServerNow(offsetMs);
  const phase = phaseOf(lot, nowMs);
  const { session } = useBidderSession();
  const home = useBidderHome(session);
  const myNumber =
    home.data?.deposits.find((d) => d.lotId === lot.id && d.kind === 'deposit')?.bidderNumber ?? null;
  const typeKey = assetTypeKey(lot.assetType);

  // Past the end on the server's clock: reading the lot closes it, and the stream tells the result;
  // read it again every few seconds until then, in case the stream is not connected.
  useEffect(() => {
    if (phase !== 'closing') return;
    const timer = window.setInterval(
      () => void queryClient.invalidateQueries({ queryKey: auctionKeys.lot(lot.id) }),
      closingPollMs,
    );
    return () => window.clearInterval(timer);
  }, [phase, lot.id, queryClient]);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          {
            title: (
              <Link to="/auction">
                <ArrowLeftOutlined aria-hidden /> {t('auction.lot.back')}
              </Link>
            ),
          },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="lot-title">
        {lot.title}
      </Typography.Title>
      {/* Screen readers hear each new bid once; the countdown is not read out. */}
      <div aria-live="polite" className="auction-visually-hidden" data-testid="lot-announcer">
        {lastBid
          ? t('auction.live.newBid', {
              number: lastBid.bidderNumber,
              amount: `¥${formatYuan(lastBid.amountFen)}`,
            })
          : ''}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
          <Flex vertical gap={16}>
            <LotPhotos lot={lot} />
            <Card title={t('auction.lot.description')} size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'court', label: t('auction.lot.court'), children: lot.court.name },
                  {
                    key: 'case',
                    label: t('auction.lot.caseNumber'),
                    children: <span className="tabular-nums">{lot.caseNumber}</span>,
                  },
                  {
                    key: 'type',
                    label: t('auction.lot.assetType'),
                    children: typeKey ? t(typeKey) : lot.assetType,
                  },
                  {
                    key: 'round',
                    label: t('auction.lot.round'),
                    children: t(lot.round === 'first' ? 'disposal.round.first' : 'disposal.round.second'),
                  },
                  { key: 'announced', label: t('auction.lot.announcedOn'), children: lot.announcedOn },
                  {
                    key: 'starts',
                    label: t('auction.lot.startsAt'),
                    children: <span className="tabular-nums">{formatChinaTime(lot.biddingStartsAt)}</span>,
                  },
                ]}
              />
              {lot.description ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
                  {lot.description}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <TextList
              title={t('auction.lot.encumbrances')}
              items={lot.encumbrances}
              testId="lot-encumbrances"
            />
            <TextList title={t('auction.lot.notices')} items={lot.notices} testId="lot-notices" />
          </Flex>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          <LotPricePanel lot={lot} nowMs={nowMs} connection={connection} />
        </Col>
      </Row>
      <Card title={`${t('auction.lot.bids')} (${lot.bidCount})`} size="small">
        <BidHistory lot={lot} myBidderNumber={myNumber} />
      </Card>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('auction.lot.extensionRule')}
      </Typography.Paragraph>
    </Flex>
  );
}

function TextList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Card title={title} size="small" data-testid={testId}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('auction.lot.none')}</Typography.Text>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {items.map((item) => (
            <li key={item} style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
              {item}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
