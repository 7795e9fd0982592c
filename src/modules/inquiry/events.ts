import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import { defineEvent } from '../../platform/events.ts';

/** The events the inquiry module publishes; their payloads are its contract with subscribers. */

/** A case's part of a query batch finished: every request answered, failed or expired. */
export const caseInquiryCompleted = defineEvent(
  'inquiry.case-inquiry-completed',
  z.object({
    caseInquiryId: z.uuid(),
    caseId: z.uuid(),
    /** `case` (an officer's inquiry), `batch`, or `requery` (a 终本 round, 终本规定 art. 9). */
    kind: z.string(),
    /** The officer who launched it; null for the scheduled 终本 rounds. */
    requestedBy: z.uuid().nullable(),
    answeredCount: z.number().int().min(0),
    foundCount: z.number().int().min(0),
    completedOn: ZIsoDate,
  }),
);

/** A freeze, seal or seizure took effect (or joined the queue of seals, 轮候查封). */
export const measureTookEffect = defineEvent(
  'inquiry.measure-took-effect',
  z.object({
    measureId: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(['freeze', 'seal', 'seize']),
    state: z.enum(['inForce', 'queued']),
    requestedBy: z.uuid(),
    /** The notice to the assisting unit (协助执行通知书) kept in the dossier. */
    documentName: z.string(),
  }),
);

/** One respondent's result in a 终本 re-query round (失信规定 art. 10(4) counts them). */
export const requeryCompleted = defineEvent(
  'inquiry.requery-completed',
  z.object({
    caseId: z.uuid(),
    respondentPartyId: z.uuid(),
    round: z.number().int().min(1),
    hasFoundAssets: z.boolean(),
    completedOn: ZIsoDate,
  }),
);

/** Money moved from a freeze to the court's account (for the funds module). */
export const deducted = defineEvent(
  'inquiry.deducted',
  z.object({
    caseId: z.uuid(),
    measureId: z.uuid(),
    amountFen: z.number().int().min(1),
    transferId: z.string(),
  }),
);

export const inquiryEvents = [caseInquiryCompleted, measureTookEffect, requeryCompleted, deducted];
