import { Typography } from 'antd';
import type { TPublicLot } from '../../api/disposal.ts';
import { useI18n } from '../../i18n/index.ts';
import { remainingUntil } from './time.ts';

/** Which clock a lot shows: to the start, to the end, or none (bidding is over). */
export type LotPhase = 'beforeStart' | 'bidding' | 'closing' | 'over';

export function phaseOf(lot: TPublicLot, nowMs: number): LotPhase {
  if (lot.state !== 'announced' && lot.state !== 'bidding') return 'over';
  if (nowMs < Date.parse(lot.biddingStartsAt)) return 'beforeStart';
  return nowMs < Date.parse(lot.endsAt) ? 'bidding' : 'closing';
}

/**
 * 距开始 / 距结束: counted from the server's time (the browser's clock plus the offset the server
 * gave), so a wrong or far-away browser clock changes nothing. A timer, not a live region: it
 * would speak every second.
 */
export function Countdown({ lot, nowMs }: { lot: TPublicLot; nowMs: number }) {
  const { t } = useI18n();
  const phase = phaseOf(lot, nowMs);
  if (phase === 'over') {
    return (
      <Typography.Text type="secondary" data-testid="lot-countdown" data-phase={phase}>
        {t('auction.lot.over')}
      </Typography.Text>
    );
  }
  if (phase === 'closing') {
    return (
      <Typography.Text type="warning" data-testid="lot-countdown" data-phase={phase}>
        {t('auction.lot.closing')}
      </Typography.Text>
    );
  }
  const target = Date.parse(phase === 'beforeStart' ? lot.biddingStartsAt : lot.endsAt);
  const left = remainingUntil(target, nowMs);
  const isFinalMinutes = phase === 'bidding' && left.totalMs <= 5 * 60_000;
  return (
    <span data-testid="lot-countdown" data-phase={phase} data-remaining-ms={left.totalMs} role="timer">
      <Typography.Text type="secondary">
        {t(phase === 'beforeStart' ? 'auction.lot.startsIn' : 'auction.lot.endsIn')}{' '}
      </Typography.Text>
      <Typography.Text
        strong
        className="tabular-nums"
        style={{ fontSize: 20, color: isFinalMinutes ? '#c8102e' : undefined }}
      >
        {left.days > 0 ? `${t('auction.lot.days', { d: left.days })} ` : ''}
        {left.clock}
      </Typography.Text>
    </span>
  );
}
