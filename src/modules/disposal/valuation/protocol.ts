import { z } from 'zod';

/**
 * The online inquiry protocol as Zhixing reads it (docs/protocols/valuation.md): what a platform
 * sends us (its report, pushed or polled) and its answers. Validated strictly on the way in; what
 * we send is built from our records.
 */
const ZRequestId = z.string().min(1).max(64);
const ZFen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const ZInstant = z.iso.datetime({ offset: true });

export const ZPlatformReportSchema = z
  .object({
    requestId: ZRequestId,
    platform: z.string().min(1).max(40),
    priceFen: ZFen,
    reportNumber: z.string().min(1).max(64),
    reportedAt: ZInstant,
  })
  .strict();
export type TPlatformReport = z.infer<typeof ZPlatformReportSchema>;

export const ZPlatformInquirySchema = z.object({
  requestId: ZRequestId,
  platform: z.string(),
  status: z.enum(['accepted', 'reported']),
  report: ZPlatformReportSchema.optional(),
});

/**
 * What we send: one request per platform, its body fixed when the valuation starts; the
 * `callbackUrl` (our address, which is configuration) is added when it is sent.
 */
export type TPlatformRequestBody = {
  requestId: string;
  court: string;
  caseNumber: string;
  asset: { type: string; identifier: string; description: string; registeredValueFen?: number };
  requestedAt: string;
  dueOn: string;
};

/** The route the platforms push their reports to. */
export const reportPath = '/api/v1/disposal/valuation-reports';

/** Our answer to a pushed report: what became of it (the platform only needs the 2xx). */
export const ZReportAckSchema = z.object({
  requestId: z.string(),
  outcome: z.enum(['recorded', 'duplicate']),
});
