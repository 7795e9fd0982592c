import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';
import { defineEvent } from '../../platform/events.ts';

/** The events the credit module publishes; their payloads are its contract with subscribers. */

/** A respondent was put on the dishonest list (失信规定 art. 5); published from `publishFrom`. */
export const entryListed = defineEvent(
  'credit.entry-listed',
  z.object({
    entryId: z.uuid(),
    caseId: z.uuid(),
    respondentPartyId: z.uuid(),
    publishFrom: ZIsoDate,
    expiresOn: ZIsoDate.nullable(),
    // For the case timeline; absent from events published before they were added.
    courtId: z.uuid().optional(),
    decidedOn: ZIsoDate.optional(),
    respondentName: z.string().optional(),
  }),
);

/** A listing was deleted (失信规定 art. 10), with the ground. */
export const entryDeleted = defineEvent(
  'credit.entry-deleted',
  z.object({
    entryId: z.uuid(),
    caseId: z.uuid(),
    respondentPartyId: z.uuid(),
    ground: z.string(),
    deletedOn: ZIsoDate,
  }),
);

export const creditEvents = [entryListed, entryDeleted];
