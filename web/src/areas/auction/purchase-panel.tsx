import { LoadingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { formatYuan } from '../../../../src/kernel/index.ts';
import { isApiError } from '../../api/client.ts';
import { type TPublicLot, useBidderHome, usePurchase } from '../../api/disposal.ts';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { type BidderSession, useBidderSession } from './bidder-session.ts';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

/**
 * 变卖 on a lot (after two failed rounds): no deposit and no bidding — a registered bidder pays the
 * full sale price, held at the bank in their name; the first full payment buys the lot and is paid
 * into the case account, a later one is released. Shows the bidder's own purchase and its outcome.
 */
export function PurchasePanel({ lot }: { lot: TPublicLot }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, forget } = useBidderSession();
  const home = useBidderHome(session);
  const navigate = useNavigate();
  const isForSale = lot.state === 'saleOpen';
  const next = `/auction/lots/${encodeURIComponent(lot.id)}`;

  if (!session) {
    if (!isForSale) return null;
    return (
      <Flex vertical gap={8} data-testid="purchase-panel" data-step="register">
        <Typography.Text type="secondary">{t('auction.join.registerHint')}</Typography.Text>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => navigate(`/auction/register?next=${encodeURIComponent(next)}`)}
          data-testid="bid-register"
        >
          {t('auction.join.register')}
        </Button>
      </Flex>
    );
  }
  if (home.data === null) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('auction.register.unknown')}
        action={
          <Button size="small" onClick={forget}>
            {t('auction.register.forget')}
          </Button>
        }
      />
    );
  }
  if (home.isPending) return <LoadingOutlined aria-label={t('common.loading')} />;
  if (home.isError) return <Alert type="warning" showIcon title={describeError(home.error, i18n)} />;
  const purchase = home.data?.deposits.find((d) => d.lotId === lot.id && d.kind === 'purchase') ?? null;
  const amountFen = lot.sale?.priceFen ?? lot.startingPriceFen;

  let content: ReactNode = null;
  let step = 'none';
  if (purchase?.isWinner) {
    step = 'won';
    content = (
      <Alert
        type="success"
        showIcon
        data-testid="purchase-won"
        title={t('auction.purchase.won', {
          number: purchase.bidderNumber ?? '—',
          amount: yuan(purchase.amountFen),
          paid: t(purchase.state === 'captured' ? 'auction.purchase.paid' : 'auction.purchase.paying'),
        })}
      />
    );
  } else if (purchase?.state === 'requested') {
    step = 'waiting';
    content = (
      <Alert
        type="info"
        showIcon
        icon={<LoadingOutlined />}
        title={t('auction.purchase.requested')}
        data-testid="purchase-waiting"
      />
    );
  } else if (purchase && purchase.state !== 'refused') {
    step = 'gone';
    content = (
      <Alert type="warning" showIcon title={t('auction.purchase.gone')} data-testid="purchase-gone" />
    );
  } else if (isForSale) {
    step = 'buy';
    content = (
      <BuyButton
        lotId={lot.id}
        amountFen={amountFen}
        session={session}
        isRefused={purchase?.state === 'refused'}
      />
    );
  }
  if (content === null) return null;
  return (
    <Flex vertical gap={8} data-testid="purchase-panel" data-step={step}>
      <Typography.Text type="secondary">{t('auction.join.as', { name: session.name })}</Typography.Text>
      {content}
    </Flex>
  );
}

function BuyButton({
  lotId,
  amountFen,
  session,
  isRefused,
}: {
  lotId: string;
  amountFen: number;
  session: BidderSession;
  isRefused: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { modal, message } = App.useApp();
  const purchase = usePurchase(session, lotId);
  const amount = yuan(amountFen);
  const handleBuy = () =>
    modal.confirm({
      title: t('auction.purchase.buy', { amount }),
      content: t('auction.purchase.confirm', { amount }),
      okText: t('auction.purchase.buy', { amount }),
      cancelText: t('common.cancel'),
      onOk: () =>
        purchase.mutate(undefined, {
          onError: (error) => {
            // 409: someone paid first, or the window closed — the server's words say which.
            if (isApiError(error) && error.status === 409) message.warning(describeError(error, i18n));
            else message.error(describeError(error, i18n));
          },
        }),
    });
  return (
    <>
      {isRefused ? <Alert type="warning" showIcon title={t('auction.purchase.refused')} /> : null}
      <Button
        type="primary"
        size="large"
        block
        danger
        loading={purchase.isPending}
        onClick={handleBuy}
        data-testid="purchase-buy"
      >
        {t('auction.purchase.buy', { amount })}
      </Button>
    </>
  );
}
