import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';

/**
 * Request, answer and report shapes of the online inquiry protocol between Zhixing and the listed
 * valuation platforms (docs/protocols/valuation.md). The simulator validates with these.
 */

/** The listed platforms the simulator plays (司法网络询价平台); each is `x-zx-institution` as its code. */
export const VALUATION_PLATFORMS = [
  { code: 'alipaimai', name: '阿里拍卖询价 / Alibaba judicial auction inquiry' },
  { code: 'jdpaimai', name: '京东询价 / JD inquiry' },
  { code: 'rongegou', name: '工行融e购询价 / ICBC e-Buy inquiry' },
] as const;
export type ValuationPlatformCode = (typeof VALUATION_PLATFORMS)[number]['code'];

export function isValuationPlatformCode(code: string): code is ValuationPlatformCode {
  return VALUATION_PLATFORMS.some((p) => p.code === code);
}

/** A platform's HMAC key in the simulator: hex HMAC-SHA256(secret, code), as for the institutions. */
export function valuationPlatformKey(secret: string, code: string): string {
  return createHmac('sha256', secret).update(code).digest('hex');
}

const ZRequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 characters A–Z a–z 0–9 _ -');
const ZFen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const ZInstant = z.iso.datetime({ offset: true });

export const ZValuationInquiryRequestSchema = z
  .object({
    requestId: ZRequestId,
    court: z.string().min(1).max(100),
    caseNumber: z.string().min(1).max(64),
    asset: z
      .object({
        type: z.string().min(1).max(40),
        identifier: z.string().min(1).max(200),
        description: z.string().min(1).max(500),
        /** What a registry reported it worth, if anything: the platform's starting point. */
        registeredValueFen: ZFen.optional(),
      })
      .strict(),
    requestedAt: ZInstant,
    /** The last China day the report is due (the court's 3 days, or 6 once extended). */
    dueOn: ZIsoDate,
    callbackUrl: z.url({ protocol: /^https?$/ }).max(500),
  })
  .strict();
export type TValuationInquiryRequest = z.infer<typeof ZValuationInquiryRequestSchema>;

export const ZValuationAcceptedSchema = z.object({ requestId: z.string(), status: z.literal('accepted') });

/** The report: pushed to the request's `callbackUrl`, and shown when the request is polled. */
export const ZValuationReportSchema = z
  .object({
    requestId: ZRequestId,
    platform: z.string().min(1).max(40),
    priceFen: ZFen,
    reportNumber: z.string().min(1).max(64),
    reportedAt: ZInstant,
  })
  .strict();
export type TValuationReport = z.infer<typeof ZValuationReportSchema>;

export const ZValuationInquirySchema = z.object({
  requestId: z.string(),
  platform: z.string(),
  status: z.enum(['accepted', 'reported']),
  report: ZValuationReportSchema.optional(),
});
export type TValuationInquiry = z.infer<typeof ZValuationInquirySchema>;

/** How a platform behaves (admin API): when it reports, how far its prices spread, how often it fails. */
export const lateness = ['auto', 'onTime', 'late', 'veryLate'] as const;
export type Lateness = (typeof lateness)[number];

export const ZValuationKnobsPatchSchema = z
  .object({
    /** `auto` draws by the seed; the others force every request accepted from now on. */
    lateness: z.enum(lateness),
    /** With `auto`: the share reported within the 3 days … */
    onTimeRate: z.number().min(0).max(1),
    /** … and the share reported within the extension (days 4–6); the rest come on day 8. */
    lateRate: z.number().min(0).max(1),
    /** Prices spread uniformly within ± this percentage of the asset's value. */
    spreadPct: z.number().min(0).max(50),
    /** Share of submissions answered 503 (nothing recorded): the court must send again. */
    errorRate: z.number().min(0).max(1),
  })
  .partial()
  .strict();
export type TValuationKnobs = Required<z.infer<typeof ZValuationKnobsPatchSchema>>;
