import { z } from 'zod';
import { ZPositiveFen, ZText } from '../../kernel/index.ts';
import { lotStateValues } from './rules/auction-rounds.ts';

/**
 * The auction half's API contract (网络司法拍卖): request schemas strict, answers closed. The public
 * lot page, the bidder's pages and the case team's pages read these types. No public answer carries
 * a bidder's name or ID number: bidders are shown by their bidder number (竞买号).
 */

const ZId = z.uuid();
const ZInstant = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 instant' });
const ZInstantOut = z.string().meta({ format: 'date-time' });
const text = (max: number) => ZText(max, { min: 1 });

export const ZLotIdParamSchema = z.strictObject({ id: z.string().min(1).max(100) });
export const ZCaseIdParamSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const roundValues = ['first', 'second'] as const;
export const propertyClassValues = ['movable', 'realEstate'] as const;
export const depositStateValues = [
  'requested',
  'held',
  'refused',
  'releasing',
  'released',
  'capturing',
  'captured',
] as const;
export const exclusionKindValues = ['courtStaff', 'platformStaff', 'closeRelative'] as const;

export const ZPreemptorSchema = z.strictObject({
  name: text(100),
  idNumber: z.string().max(40),
  rank: z
    .number()
    .int()
    .min(1)
    .max(99)
    .meta({ description: '优先顺序 / Order among preemptors: 1 is first (网拍规定 art. 21)' }),
});

export const ZPhotoSchema = z.strictObject({
  url: z
    .string()
    .max(2000)
    .regex(/^(https:\/\/|\/)[^\s<>"]*$/, '应为 https 地址或站内路径 / An https URL or a path on this site'),
  caption: ZText(200),
});

export const ZCreateLotSchema = z.strictObject({
  assetId: ZId,
  valuationId: ZId,
  startingPriceFen: ZPositiveFen,
  incrementFen: ZPositiveFen,
  depositFen: ZPositiveFen,
  biddingStartsAt: ZInstant,
  biddingEndsAt: ZInstant,
  preemptors: z.array(ZPreemptorSchema).max(20).optional(),
  /** A re-auction after a failed round, or a resale after a default: the lot it follows. */
  previousLotId: ZId.optional(),
  title: text(200).optional(),
  description: ZText(5000, { isMultiline: true }).optional(),
  photos: z.array(ZPhotoSchema).max(20).optional(),
  encumbrances: z.array(text(500)).max(20).optional(),
  notices: z.array(text(2000)).max(20).optional(),
  balancePeriodDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .optional()
    .meta({ description: '成交后缴纳余款的期限（日），默认 15 / Days to pay the balance after the close' }),
});
export type TCreateLot = z.infer<typeof ZCreateLotSchema>;

export const ZLotCreatedSchema = z.object({ id: z.string(), state: z.enum(lotStateValues) });

export const ZRegisterBidderSchema = z.strictObject({
  name: text(50),
  idNumber: z.string().max(40),
  phone: z.string().max(20),
});
export type TRegisterBidder = z.infer<typeof ZRegisterBidderSchema>;

export const ZBidderRegisteredSchema = z.object({
  id: z.string(),
  token: z.string().meta({ description: 'Bearer credential of the bidder: `authorization: Bearer <token>`' }),
});

export const ZDepositAnswerSchema = z.object({
  bidderNumber: z.string().nullable(),
  state: z.enum(depositStateValues),
  amountFen: z.number().int(),
});

export const ZBidSchema = z.strictObject({ amountFen: ZPositiveFen });

export const ZBidAcceptedSchema = z.object({
  seq: z.number().int(),
  currentPriceFen: z.number().int(),
  bidderNumber: z.string(),
  at: ZInstantOut,
  endsAt: ZInstantOut,
});

const ZPublicBidSchema = z.object({
  seq: z.number().int(),
  bidderNumber: z.string(),
  amountFen: z.number().int(),
  at: ZInstantOut,
  isPreemptor: z.boolean(),
  endsAt: ZInstantOut.meta({ description: 'The end after this bid' }),
});

export const ZPublicLotSchema = z.object({
  id: z.string(),
  state: z.enum(lotStateValues),
  round: z.enum(roundValues),
  title: z.string(),
  description: z.string(),
  assetType: z.string(),
  propertyClass: z.enum(propertyClassValues),
  caseNumber: z.string(),
  court: z.object({ id: z.string(), name: z.string(), divisionCode: z.string() }),
  referencePriceFen: z.number().int(),
  startingPriceFen: z.number().int(),
  incrementFen: z.number().int(),
  depositFen: z.number().int(),
  currentPriceFen: z
    .number()
    .int()
    .meta({ description: 'The highest bid, or the starting price before any' }),
  bidCount: z.number().int(),
  announcedOn: z.string(),
  biddingStartsAt: ZInstantOut,
  biddingEndsAt: ZInstantOut.meta({ description: 'The announced end' }),
  endsAt: ZInstantOut.meta({ description: 'The current end, moved by bids in the last 5 minutes' }),
  serverNow: ZInstantOut.meta({ description: 'The server’s clock: count down from it, not the browser’s' }),
  bids: z.array(ZPublicBidSchema).meta({ description: 'The latest 100 bids, newest first' }),
  winnerBidderNumber: z.string().nullable(),
  priceFen: z.number().int().nullable().meta({ description: 'The price of the close (成交价)' }),
  balanceDueOn: z.string().nullable(),
  photos: z.array(z.object({ url: z.string(), caption: z.string() })),
  encumbrances: z.array(z.string()),
  notices: z.array(z.string()),
  hasPreemptors: z.boolean(),
  sale: z.object({ priceFen: z.number().int(), endsOn: z.string() }).nullable(),
  previousLotId: z.string().nullable(),
});
export type TPublicLot = z.infer<typeof ZPublicLotSchema>;

export const ZLotSearchQuerySchema = z.strictObject({
  region: z
    .string()
    .regex(/^\d{2,6}$/, '行政区划代码前缀 2–6 位 / A division code prefix of 2–6 digits')
    .optional(),
  type: z
    .string()
    .regex(/^[a-zA-Z]{1,30}$/, '资产类型 / An asset type')
    .optional(),
  minPriceFen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  maxPriceFen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  state: z.enum(lotStateValues).optional(),
  page: z.coerce.number().int().min(1).max(50).default(1),
});
export type TLotSearchQuery = z.infer<typeof ZLotSearchQuerySchema>;

export const ZLotSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(lotStateValues),
  round: z.enum(roundValues),
  assetType: z.string(),
  courtName: z.string(),
  divisionCode: z.string(),
  startingPriceFen: z.number().int(),
  currentPriceFen: z.number().int(),
  bidCount: z.number().int(),
  biddingStartsAt: ZInstantOut,
  endsAt: ZInstantOut,
  photoUrl: z.string().nullable(),
});

export const ZLotPageSchema = z.object({
  items: z.array(ZLotSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
});

export const ZBidderHomeSchema = z.object({
  bidder: z.object({ id: z.string(), name: z.string(), registeredAt: ZInstantOut }),
  deposits: z.array(
    z.object({
      lotId: z.string(),
      lotTitle: z.string(),
      lotState: z.enum(lotStateValues),
      kind: z.enum(['deposit', 'purchase']),
      bidderNumber: z.string().nullable(),
      state: z.enum(depositStateValues),
      amountFen: z.number().int(),
      isWinner: z.boolean(),
      balanceDueOn: z.string().nullable(),
    }),
  ),
  bids: z.array(
    z.object({ lotId: z.string(), seq: z.number().int(), amountFen: z.number().int(), at: ZInstantOut }),
  ),
});

export const ZCaseLotsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      assetId: z.string(),
      round: z.enum(roundValues),
      state: z.enum(lotStateValues),
      startingPriceFen: z.number().int(),
      currentPriceFen: z.number().int(),
      bidCount: z.number().int(),
      endsAt: ZInstantOut,
      winner: z
        .object({ bidderNumber: z.string().nullable(), name: z.string(), priceFen: z.number().int() })
        .nullable(),
      balanceDueOn: z.string().nullable(),
      paidOn: z.string().nullable(),
      ruling: z.object({ paidOn: z.string(), dueOn: z.string(), issuedOn: z.string() }).nullable(),
      saleEndsOn: z.string().nullable(),
    }),
  ),
});

export const ZTransferInLieuSchema = z.strictObject({ partyId: ZId });

export const ZLotDecidedSchema = z.object({
  id: z.string(),
  state: z.enum(lotStateValues),
  priceFen: z.number().int().nullable(),
  saleEndsOn: z.string().nullable(),
});

export const ZExclusionSchema = z.strictObject({
  idNumber: z.string().max(40),
  name: text(50),
  kind: z.enum(exclusionKindValues),
  note: ZText(200).optional(),
});

export const ZExclusionRecordedSchema = z.object({ idNumber: z.string(), kind: z.enum(exclusionKindValues) });

export const ZStreamQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).max(2_000_000_000).optional(),
});
