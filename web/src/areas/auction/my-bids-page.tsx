import { Alert, Button, Card, Empty, Flex, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { type TBidderDeposit, type TBidderHome, useBidderHome } from '../../api/disposal.ts';
import { describeError } from '../../components/error-text.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useBidderSession } from './bidder-session.ts';
import { depositStateColor, depositStateKey, lotStateColor, lotStateKey } from './labels.ts';
import { formatChinaTimeSeconds } from './time.ts';
import { useDocumentTitle } from './use-document-title.ts';

type MyBid = TBidderHome['bids'][number];

/** 我的竞买: the lots the bidder paid a deposit for (and whether they won), and their bids. */
export function MyBidsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useDocumentTitle(t('auction.me.title'));
  const { session, forget } = useBidderSession();
  const home = useBidderHome(session);
  const navigate = useNavigate();

  if (!session) {
    return (
      <Flex vertical gap={16} align="center" style={{ marginTop: 32 }}>
        <Empty description={t('auction.me.notRegistered')} />
        <Button
          type="primary"
          size="large"
          onClick={() => navigate('/auction/register?next=%2Fauction%2Fme')}
        >
          {t('auction.join.register')}
        </Button>
      </Flex>
    );
  }
  const titles = new Map((home.data?.deposits ?? []).map((d) => [d.lotId, d.lotTitle]));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('auction.me.title')}
        </Typography.Title>
        <Flex align="center" gap={12} wrap>
          <Typography.Text type="secondary">{t('auction.join.as', { name: session.name })}</Typography.Text>
          <Popconfirm title={t('auction.register.forgetConfirm')} onConfirm={forget}>
            <Button size="small">{t('auction.register.forget')}</Button>
          </Popconfirm>
        </Flex>
      </Flex>
      {home.isError ? <Alert type="warning" showIcon title={describeError(home.error, i18n)} /> : null}
      {home.data === null ? <Alert type="warning" showIcon title={t('auction.register.unknown')} /> : null}
      {home.isPending ? <Spin style={{ display: 'block', margin: 32 }} /> : null}
      {home.data ? (
        <>
          <Card size="small" title={t('auction.me.deposits')}>
            <Table<TBidderDeposit>
              rowKey={(d) => `${d.lotId}:${d.kind}`}
              size="small"
              dataSource={home.data.deposits}
              pagination={false}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('auction.me.noDeposits') }}
              data-testid="my-deposits"
              columns={[
                {
                  key: 'lot',
                  title: t('auction.me.lot'),
                  render: (_, d) => (
                    <Flex vertical>
                      <Link to={`/auction/lots/${encodeURIComponent(d.lotId)}`}>{d.lotTitle}</Link>
                      <span>
                        <Tag color={lotStateColor[d.lotState]}>{t(lotStateKey(d.lotState))}</Tag>
                        {d.kind === 'purchase' ? <Tag>{t('auction.me.purchase')}</Tag> : null}
                      </span>
                    </Flex>
                  ),
                },
                {
                  key: 'number',
                  title: t('auction.bid.bidderNumber'),
                  width: 110,
                  render: (_, d) => <span className="tabular-nums">{d.bidderNumber ?? '—'}</span>,
                },
                {
                  key: 'deposit',
                  title: t('auction.me.depositState'),
                  width: 170,
                  render: (_, d) => (
                    <Flex vertical>
                      <MoneyText fen={d.amountFen} />
                      <span>
                        <Tag
                          color={depositStateColor[d.state]}
                          data-testid="my-deposit-state"
                          data-state={d.state}
                        >
                          {t(depositStateKey(d.state))}
                        </Tag>
                      </span>
                    </Flex>
                  ),
                },
                {
                  key: 'result',
                  title: t('auction.me.result'),
                  width: 200,
                  render: (_, d) =>
                    d.isWinner ? (
                      <Flex vertical>
                        <span>
                          <Tag color="green">{t('auction.me.won')}</Tag>
                        </span>
                        {d.balanceDueOn ? (
                          <Typography.Text type="secondary">
                            {t('auction.me.balanceDueOn', { date: d.balanceDueOn })}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('auction.me.bids')}>
            <Table<MyBid>
              rowKey={(b) => `${b.lotId}:${b.seq}`}
              size="small"
              dataSource={home.data.bids}
              pagination={home.data.bids.length > 20 ? { pageSize: 20, size: 'small' } : false}
              locale={{ emptyText: t('auction.me.noBids') }}
              data-testid="my-bids"
              columns={[
                {
                  key: 'lot',
                  title: t('auction.me.lot'),
                  render: (_, b) => (
                    <Link to={`/auction/lots/${encodeURIComponent(b.lotId)}`}>
                      {titles.get(b.lotId) ?? b.lotId}
                    </Link>
                  ),
                },
                {
                  key: 'amount',
                  title: t('auction.bid.amount'),
                  align: 'right',
                  render: (_, b) => <MoneyText fen={b.amountFen} />,
                },
                {
                  key: 'at',
                  title: t('auction.bid.at'),
                  responsive: ['sm'],
                  render: (_, b) => <span className="tabular-nums">{formatChinaTimeSeconds(b.at)}</span>,
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Flex>
  );
}
