import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import { type AnyEventDefinition, defineEvent } from '../../platform/events.ts';

/** The events of the auction half of disposal; their payloads are its contract with subscribers. */

const ZRound = z.enum(['first', 'second']);

/** A lot was announced (the case's "auction started" node; 网拍规定 art. 12). */
export const lotAnnounced = defineEvent(
  'disposal.lot-announced',
  z.object({
    lotId: z.uuid(),
    caseId: z.uuid(),
    courtId: z.uuid(),
    assetId: z.uuid(),
    round: ZRound,
    startingPriceFen: z.number().int().min(1),
    announcedOn: ZIsoDate,
    biddingStartsAt: z.iso.datetime(),
  }),
);

/** Bidding ended: won at `priceFen` (the balance due by `balanceDueOn`), or failed with no bid. */
export const lotClosed = defineEvent(
  'disposal.lot-closed',
  z.object({
    lotId: z.uuid(),
    caseId: z.uuid(),
    courtId: z.uuid(),
    assetId: z.uuid(),
    round: ZRound,
    outcome: z.enum(['won', 'failed']),
    priceFen: z.number().int().min(1).nullable(),
    balanceDueOn: ZIsoDate.nullable(),
    closedOn: ZIsoDate,
  }),
);

/**
 * The price is fully paid into the case account (or the asset went to a creditor in lieu): the
 * confirmation ruling is due by `rulingDueOn` (拍卖变卖规定: within 10 days).
 */
export const lotSold = defineEvent(
  'disposal.lot-sold',
  z.object({
    lotId: z.uuid(),
    caseId: z.uuid(),
    courtId: z.uuid(),
    assetId: z.uuid(),
    how: z.enum(['auction', 'sale', 'transferInLieu']),
    priceFen: z.number().int().min(1),
    paidOn: ZIsoDate,
    rulingDueOn: ZIsoDate,
  }),
);

/** The winner did not pay the balance in time (悔拍): the deposit is forfeited, the asset goes to resale. */
export const lotDefaulted = defineEvent(
  'disposal.lot-defaulted',
  z.object({
    lotId: z.uuid(),
    caseId: z.uuid(),
    courtId: z.uuid(),
    assetId: z.uuid(),
    forfeitedFen: z.number().int().min(0),
    defaultedOn: ZIsoDate,
  }),
);

export const auctionEvents: readonly AnyEventDefinition[] = [lotAnnounced, lotClosed, lotSold, lotDefaulted];
