import { ExportOutlined } from '@ant-design/icons';
import { Flex, Table, Tag, Typography } from 'antd';
import type { TCaseLot } from '../../../../api/disposal.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { lotStateColor, lotStateKey } from '../../../auction/labels.ts';
import { roundKey } from './labels.ts';

/** 网络司法拍卖 of the case: each lot's round, state, prices, end, and for the court the winner. */
export function LotsTable({ lots }: { lots: TCaseLot[] }) {
  const { t } = useI18n();
  return (
    <Table<TCaseLot>
      rowKey="id"
      size="small"
      dataSource={lots}
      pagination={false}
      scroll={{ x: 980 }}
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
            <Tag color={lotStateColor[lot.state]} data-testid="lot-state" data-state={lot.state}>
              {t(lotStateKey(lot.state))}
            </Tag>
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
      ]}
    />
  );
}
