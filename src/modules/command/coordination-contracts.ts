import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { text, ZCourtCode, ZDocumentRef, ZId } from './contracts.ts';

/** The contract of the command centre's work between courts: coordination cases, interviews, cross-region filing. */

export const ZReportCoordinationSchema = z
  .object({ caseId: ZId, otherCourt: ZCourtCode.or(ZId), issue: text(4000) })
  .strict();
export const ZCoordinationReportedSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  state: z.literal('reported'),
  coordinatingCourt: z.object({ id: z.string(), name: z.string() }),
});
export const ZCoordinationEntrySchema = z
  .object({
    kind: z.enum(['evidence', 'followUp']),
    text: text(4000),
    documents: z.array(ZDocumentRef).max(20).optional(),
  })
  .strict();
export const ZCoordinationEntryAddedSchema = z.object({
  id: z.string(),
  coordinationId: z.string(),
  kind: z.enum(['evidence', 'followUp']),
});
export const ZDecideSchema = z.object({ decision: text(4000) }).strict();
const ZCourtName = z.object({ id: z.string(), name: z.string() });
export const ZCoordinationSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  subjectCaseId: z.string(),
  subjectCaseNumber: z.string(),
  reportingCourt: ZCourtName,
  otherCourt: ZCourtName,
  coordinatingCourt: ZCourtName,
  issue: z.string(),
  state: z.enum(['reported', 'decided']),
  decision: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reportedBy: z.string(),
  reportedOn: z.string(),
  entries: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      court: z.string(),
      text: z.string(),
      documents: z.array(z.object({ name: z.string() })),
      author: z.string(),
      enteredOn: z.string(),
    }),
  ),
});
export const ZCoordinationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string(),
      subjectCaseNumber: z.string(),
      issue: z.string(),
      state: z.string(),
      reportedOn: z.string(),
      decidedOn: z.string().nullable(),
    }),
  ),
});

export const ZInterviewSchema = z
  .object({
    court: ZCourtCode,
    teamName: ZText(100).optional().nullable(),
    reason: text(2000),
    participants: text(1000),
    record: text(8000),
    interviewedOn: ZIsoDate.optional(),
  })
  .strict();
export const ZInterviewRecordedSchema = z.object({
  id: z.string(),
  court: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  interviewedOn: z.string(),
});
export const ZInterviewListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      court: ZCourtName,
      teamName: z.string().nullable(),
      reason: z.string(),
      participants: z.string(),
      record: z.string(),
      interviewedOn: z.string(),
      interviewedBy: z.string(),
    }),
  ),
});

export const ZCrossRegionFilingSchema = z
  .object({
    caseId: ZId,
    localCourt: ZCourtCode.or(ZId),
    plannedFrom: ZIsoDate,
    plannedTo: ZIsoDate,
    measures: text(2000),
    officers: text(500),
  })
  .strict();
export const ZCrossRegionFiledSchema = z.object({
  id: z.string(),
  localCourt: ZCourtName,
  filedOn: z.string(),
});
export const ZCrossRegionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNumber: z.string(),
      localCourt: z.string(),
      plannedFrom: z.string(),
      plannedTo: z.string(),
      measures: z.string(),
      officers: z.string(),
      filedBy: z.string(),
      filedOn: z.string(),
      direction: z.enum(['ours', 'onOurGround']),
    }),
  ),
});
