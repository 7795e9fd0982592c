import { clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { BidBatcher, BidRow } from './bid-batcher.ts';
import { hashBidderToken } from './bidder-register.ts';
import { closeLotIfDue } from './lot-close.ts';

/**
 * One bid (网拍规定 arts. 20–21), stamped with the server's clock as it arrives and decided in one
 * statement (`disposal.place_bids`, with the bids arriving meanwhile: bid-batcher.ts): the bidder and their held deposit found, the lot's row locked, the bid decided
 * by the rule of rules/bidding.ts, the price, the sequence and the end moved by a late bid written
 * together with the bid, every watcher told at commit. A bid after the end closes the lot (if
 * nothing else has yet) and is refused. Bids are not appended to the audit log one by one: the bids
 * table is itself the record — the application may neither change nor delete a bid — kept ten years.
 */
export type BidAccepted = {
  seq: number;
  currentPriceFen: number;
  bidderNumber: string;
  at: string;
  endsAt: string;
};

function refuse(zh: string, en: string, path = 'amountFen'): AppError {
  const message = bi(zh, en);
  return new AppError(ErrorCode.conflict, message, [{ path, message }]);
}

function yuan(fen: string | null): string {
  return fen === null ? '' : (Number(fen) / 100).toFixed(2);
}

export async function placeBid(
  database: Database,
  batcher: BidBatcher,
  lotId: string,
  token: string | null,
  amountFen: number,
): Promise<BidAccepted> {
  if (token === null) {
    throw new AppError(ErrorCode.unauthenticated, bi('请先登记为竞买人', 'Register as a bidder first'));
  }
  if (!isUuid(lotId)) throw new AppError(ErrorCode.notFound, bi('拍品不存在', 'Lot not found'));
  const row: BidRow = await batcher.submit({
    lotId,
    tokenHash: hashBidderToken(token),
    amountFen,
    nowIso: clock.now().toISOString(),
  });
  switch (row.outcome) {
    case 'accepted':
      return {
        seq: row.seq ?? 0,
        currentPriceFen: Number(row.priceFen),
        bidderNumber: row.bidderNumber ?? '',
        at: new Date(row.atMs ?? 0).toISOString(),
        endsAt: new Date(row.endsMs ?? 0).toISOString(),
      };
    case 'unknownBidder':
      throw new AppError(ErrorCode.unauthenticated, bi('竞买人凭证无效', 'Unknown bidder token'));
    case 'notFound':
      throw new AppError(ErrorCode.notFound, bi('拍品不存在', 'Lot not found'));
    case 'noDeposit':
      throw new AppError(
        ErrorCode.forbidden,
        bi('请先交纳保证金（冻结成功后方可出价）', 'Pay the deposit first: bids need a held deposit'),
      );
    case 'tooEarly':
      throw refuse('竞价尚未开始', 'Bidding has not started');
    case 'ended':
      await closeLotIfDue(database.db, lotId);
      throw refuse('竞价已结束', 'Bidding has ended');
    case 'closed':
      throw refuse('竞价已结束', 'Bidding has ended');
    case 'alreadyLeading':
      throw refuse('您已是最高出价者', 'You already hold the highest bid');
    case 'tooLow':
      throw refuse(
        `出价低于起拍价或当前价加加价幅度，最低 ¥${yuan(row.minimumFen)}`,
        `Below the start or the current price plus the increment: at least ¥${yuan(row.minimumFen)}`,
      );
    default:
      throw new Error(`place_bids answered ${row.outcome}`);
  }
}
