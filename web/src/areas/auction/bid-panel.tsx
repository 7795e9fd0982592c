import { LoadingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatYuan } from '../../../../src/kernel/index.ts';
import { type TBidderDeposit, type TPublicLot, useBidderHome, usePayDeposit } from '../../api/disposal.ts';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { BidForm } from './bid-form.tsx';
import { type BidderSession, useBidderSession } from './bidder-session.ts';
import { phaseOf } from './countdown.tsx';
import { depositStateColor, depositStateKey } from './labels.ts';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

/**
 * 参与竞买 on a lot: register (a link), pay the deposit (held at the bank in the bidder's name), then
 * bid with the minimum pre-filled. Each step shows only when it is the next one.
 */
export function BidPanel({ lot, nowMs }: { lot: TPublicLot; nowMs: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, forget } = useBidderSession();
  const home = useBidderHome(session);
  const navigate = useNavigate();
  const phase = phaseOf(lot, nowMs);
  const isOpen = phase !== 'over';
  const next = `/auction/lots/${encodeURIComponent(lot.id)}`;

  if (!session) {
    if (!isOpen) return null;
    return (
      <Flex vertical gap={8} data-testid="bid-panel" data-step="register">
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
    // The server no longer knows the token (a reset demo): register again.
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
  const deposit = home.data?.deposits.find((d) => d.lotId === lot.id && d.kind === 'deposit') ?? null;

  return (
    <Flex vertical gap={8} data-testid="bid-panel" data-step={stepOf(deposit, isOpen)}>
      <Typography.Text type="secondary">{t('auction.join.as', { name: session.name })}</Typography.Text>
      {deposit?.bidderNumber && deposit.state !== 'refused' ? (
        <Typography.Text>
          <Tag color={depositStateColor[deposit.state]}>
            {t('auction.lot.deposit')} · {t(depositStateKey(deposit.state))}
          </Tag>
          {t('auction.deposit.number')}{' '}
          <Typography.Text
            strong
            className="tabular-nums"
            data-testid="my-bidder-number"
            style={{ fontSize: 18 }}
          >
            {deposit.bidderNumber}
          </Typography.Text>
        </Typography.Text>
      ) : null}
      <NextStep lot={lot} session={session} deposit={deposit} phase={phase} />
    </Flex>
  );
}

function stepOf(deposit: TBidderDeposit | null, isOpen: boolean): string {
  if (!isOpen) return 'over';
  if (!deposit || deposit.state === 'refused') return 'deposit';
  return deposit.state === 'held' ? 'bid' : 'waiting';
}

function NextStep({
  lot,
  session,
  deposit,
  phase,
}: {
  lot: TPublicLot;
  session: BidderSession;
  deposit: TBidderDeposit | null;
  phase: ReturnType<typeof phaseOf>;
}) {
  const { t } = useI18n();
  if (phase === 'over' || phase === 'closing') {
    if (deposit?.bidderNumber && deposit.bidderNumber === lot.winnerBidderNumber) {
      return (
        <Alert
          type="success"
          showIcon
          data-testid="bid-you-won"
          title={t('auction.bid.youWon', { date: lot.balanceDueOn ?? '—' })}
        />
      );
    }
    return null;
  }
  if (!deposit || deposit.state === 'refused') {
    return <PayDeposit lot={lot} session={session} isRefused={deposit?.state === 'refused'} />;
  }
  if (deposit.state === 'requested') {
    return <Alert type="info" showIcon icon={<LoadingOutlined />} title={t('auction.deposit.requested')} />;
  }
  if (deposit.state !== 'held' || !deposit.bidderNumber) return null;
  if (phase === 'beforeStart') {
    return <Alert type="info" showIcon title={t('auction.bid.notStarted')} data-testid="bid-not-started" />;
  }
  return <BidForm lot={lot} session={session} bidderNumber={deposit.bidderNumber} />;
}

function PayDeposit({
  lot,
  session,
  isRefused,
}: {
  lot: TPublicLot;
  session: BidderSession;
  isRefused: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { modal, message } = App.useApp();
  const pay = usePayDeposit(session);
  const amount = yuan(lot.depositFen);
  const handlePay = () =>
    modal.confirm({
      title: t('auction.deposit.pay', { amount }),
      content: t('auction.deposit.confirm', { amount }),
      okText: t('auction.deposit.pay', { amount }),
      cancelText: t('common.cancel'),
      onOk: () => pay.mutate(lot.id, { onError: (error) => message.error(describeError(error, i18n)) }),
    });
  return (
    <>
      {isRefused ? <Alert type="warning" showIcon title={t('auction.deposit.refused')} /> : null}
      <Button
        type="primary"
        size="large"
        block
        loading={pay.isPending}
        onClick={handlePay}
        data-testid="deposit-pay"
      >
        {t('auction.deposit.pay', { amount })}
      </Button>
    </>
  );
}
