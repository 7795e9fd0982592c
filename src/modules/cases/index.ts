import { defineModule } from '../../platform/module.ts';
import { inboxSources } from '../inbox/index.ts';
import { seedCasesDemo } from './demo-seed.ts';
import { caseEvents } from './events.ts';
import { casesInbox } from './inbox-source.ts';
import { registerCaseRoutes } from './routes.ts';
import { terminationFacts } from './use-cases/termination-facts.ts';

export { loadNodes as loadCaseNodes, loadParties as loadCaseParties } from './case-store.ts';
export { caseClosed, caseFiled, caseNodeRecorded, caseRestored } from './events.ts';
export { deadlineInboxWorkingDays } from './inbox-source.ts';
export { isTeamMember } from './policy.ts';
export { purposeOf } from './routes.ts';
export { ClosingType } from './rules/closing.ts';
export { deadlineKindLabel, NodeKind } from './rules/deadlines.ts';
export { terminationChecklistItemLabel, terminationChecklistItems } from './rules/termination-checklist.ts';
export { type CaseContext, type CaseParty, loadCaseContext } from './use-cases/case-context.ts';
export { closeCase } from './use-cases/close-case.ts';
export { type FiledCase, fileCase, numberCase } from './use-cases/file-case.ts';
export { type JoinRespondentInput, joinRespondent } from './use-cases/join-respondent.ts';
export { listCases, listTotalCap } from './use-cases/list-cases.ts';
export {
  caseStatusLabel,
  countPublicTerminated,
  courtOfCase,
  findPartySeat,
  normalizePartyIdentifier,
  type PartySeat,
  type PublicCaseRow,
  partyCaseProgress,
  publicCasesOfRespondent,
  type RespondentQuery,
  seatsOfLawyer,
  seatsOfPerson,
} from './use-cases/party-lookup.ts';
export { recordNode } from './use-cases/record-node.ts';
export { recordRecovered } from './use-cases/record-recovered.ts';
export {
  countOtherCasesOfRespondents,
  type OtherCaseCounts,
  type RespondentIdentity,
} from './use-cases/respondent-cases.ts';
export { restoreCase } from './use-cases/restore-case.ts';
export { type TerminationFactProvider, terminationFacts } from './use-cases/termination-facts.ts';
export { type NewPartyInput, validateNewParty } from './validate-parties.ts';

/**
 * Cases: filing (立案), case numbers, parties, basis, team, the timeline of nodes and its legal
 * deadlines, closing (with the 终本 checklist, whose facts the inquiry and credit modules provide
 * through `terminationFacts`), restoration.
 */
export const casesModule = defineModule({
  name: 'cases',
  events: caseEvents,
  contributions: [inboxSources.provide(casesInbox)],
  routes(app, ctx) {
    registerCaseRoutes(app, { db: ctx.database.db, terminationFacts: ctx.extensions.all(terminationFacts) });
  },
  seedDemo: (ctx) => seedCasesDemo(ctx),
});
