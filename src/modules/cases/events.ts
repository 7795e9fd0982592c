import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import { defineEvent } from '../../platform/events.ts';

/** The events the cases module publishes; their payloads are its contract with subscribers. */

export const caseFiled = defineEvent(
  'case.filed',
  z.object({
    caseId: z.uuid(),
    caseNumber: z.string(),
    courtId: z.uuid(),
    filedOn: ZIsoDate,
    caseType: z.string(),
  }),
);

export const caseNodeRecorded = defineEvent(
  'case.node-recorded',
  z.object({ caseId: z.uuid(), kind: z.string(), occurredOn: ZIsoDate, nodeId: z.uuid() }),
);

export const ZClosedRespondent = z.object({
  partyId: z.uuid(),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
});

export const caseClosed = defineEvent(
  'case.closed',
  z.object({
    caseId: z.uuid(),
    caseNumber: z.string(),
    courtId: z.uuid(),
    closingType: z.string(),
    closedOn: ZIsoDate,
    respondents: z.array(ZClosedRespondent),
  }),
);

export const caseRestored = defineEvent(
  'case.restored',
  z.object({ caseId: z.uuid(), restoredCaseId: z.uuid(), caseNumber: z.string(), courtId: z.uuid() }),
);

export const caseEvents = [caseFiled, caseNodeRecorded, caseClosed, caseRestored];
