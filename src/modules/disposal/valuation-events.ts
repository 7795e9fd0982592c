import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import type { AnyEventDefinition } from '../../platform/events.ts';
import { defineEvent } from '../../platform/events.ts';
import { valuationMethodValues } from './rules/valuation.ts';

/** The events of the valuation half of disposal; their payloads are its contract with subscribers. */

/** A valuation of a sealed or seized asset started (meets the case's 30-day "start the reference price"). */
export const valuationStarted = defineEvent(
  'disposal.valuation-started',
  z.object({
    valuationId: z.uuid(),
    caseId: z.uuid(),
    courtId: z.uuid(),
    assetId: z.uuid(),
    method: z.enum(valuationMethodValues),
    startedBy: z.uuid(),
    startedOn: ZIsoDate,
  }),
);

/**
 * The reference price was fixed — or fixed again, after an objection set a report aside. The
 * auction half makes a lot from it (starting price ≥ 70% of it) while it is valid.
 */
export const valuationPriced = defineEvent(
  'disposal.valuation-priced',
  z.object({
    valuationId: z.uuid(),
    caseId: z.uuid(),
    courtId: z.uuid(),
    assetId: z.uuid(),
    method: z.enum(valuationMethodValues),
    referencePriceFen: z.number().int().min(1),
    pricedOn: ZIsoDate,
    validUntil: ZIsoDate,
  }),
);

/** No price came of a valuation (no platform reported, every report set aside, every appraiser late). */
export const valuationFailed = defineEvent(
  'disposal.valuation-failed',
  z.object({
    valuationId: z.uuid(),
    caseId: z.uuid(),
    courtId: z.uuid(),
    assetId: z.uuid(),
    method: z.enum(valuationMethodValues),
    reason: z.string(),
    failedOn: ZIsoDate,
  }),
);

export const valuationEvents: readonly AnyEventDefinition[] = [
  valuationStarted,
  valuationPriced,
  valuationFailed,
];
