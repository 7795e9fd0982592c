/** The cases module's pure legal rules: identifiers, case numbers, calendars, deadlines, closing. */
export {
  type CaseNumberParts,
  CaseType,
  CourtLevel,
  caseTypeLabels,
  caseTypes,
  courtLevelOf,
  formatCaseNumber,
  isCaseType,
  isValidCourtCode,
  parseCaseNumber,
  provinceAbbreviations,
  supremeCourtCode,
} from './case-number.ts';
export {
  type ClosingCheck,
  type ClosingFacts,
  ClosingType,
  canRestore,
  checkClosingPreconditions,
  closingTypeLabel,
  closingTypeLabels,
  closingTypeList,
  closingTypes,
  evaluateTerminationChecklist,
  isClosingType,
  resolveTerminationFacts,
  restoredCaseType,
  type UnmetItem,
} from './closing.ts';
export {
  type CreditCodeProblem,
  computeCreditCodeCheckChar,
  computeOrgCodeCheckChar,
  makeCreditCode,
  validateCreditCode,
} from './credit-code.ts';
export {
  DeadlineKind,
  type DeadlineOptions,
  deadlineKindLabel,
  deadlineKindLabels,
  defaultDeadlineOptions,
  handlingPeriodOf,
  isExtensionRequestTimely,
  latestExtensionRequestOn,
  type Period,
} from './deadline-rules.ts';
export {
  computeDeadlines,
  type DeadlineInput,
  type DeadlineState,
  type DeadlineView,
  daysLeft,
  pausedIntervals,
} from './deadlines.ts';
export {
  ageOn,
  birthDateOf,
  computeIdCheckChar,
  defaultIdMask,
  type IdMask,
  type IdNumberProblem,
  makeIdNumber,
  maskIdNumber,
  type Sex,
  sexOf,
  validateIdNumber,
} from './id-number.ts';
export {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  chinaToday,
  compareIsoDates,
  dayOfWeek,
  isIsoDate,
  parseIsoDate,
} from './iso-date.ts';
export {
  isNodeKind,
  NodeKind,
  nodeKindLabel,
  nodeKindLabels,
  nodeKinds,
  recordableNodeKinds,
} from './node-kinds.ts';
export { type PartyKind, type PartyNameProblem, validatePartyName } from './party-name.ts';
export type { Bilingual, RuleFailure, RuleResult, RuleSuccess } from './result.ts';
export { normalizeForSearch, queryTokens, searchTextOf, tokensOf } from './search-tokens.ts';
export {
  type ChecklistItem,
  type ChecklistResult,
  minimumMonthsSinceFiling,
  type TerminationFacts,
  terminationChecklist,
} from './termination-checklist.ts';
export {
  addWorkingDays,
  isCalendarPublished,
  isWorkingDay,
  publishedCalendarYears,
  rollForwardToWorkingDay,
  workingDaysBetween,
} from './working-days.ts';
