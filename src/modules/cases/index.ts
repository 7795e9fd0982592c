export { loadNodes as loadCaseNodes, loadParties as loadCaseParties } from './case-store.ts';
export { isTeamMember } from './policy.ts';
export { purposeOf, registerCaseRoutes } from './routes.ts';
export { caseTypes, formatCaseNumber, parseCaseNumber } from './rules/case-number.ts';
export { ClosingType } from './rules/closing.ts';
// Identifier, calendar and search rules other modules (credit) reuse rather than re-implement.
export { type CreditCodeProblem, makeCreditCode, validateCreditCode } from './rules/credit-code.ts';
export { NodeKind } from './rules/deadlines.ts';
export {
  ageOn,
  birthDateOf,
  defaultIdMask,
  type IdMask,
  type IdNumberProblem,
  makeIdNumber,
  maskIdNumber,
  type Sex,
  sexOf,
  validateIdNumber,
} from './rules/id-number.ts';
export {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  compareIsoDates,
  isIsoDate,
} from './rules/iso-date.ts';
export { normalizeForSearch, queryTokens, tokensOf } from './rules/search-tokens.ts';
export { addWorkingDays, chinaToday, isWorkingDay, workingDaysBetween } from './rules/working-days.ts';
export { type CaseContext, type CaseParty, loadCaseContext } from './use-cases/case-context.ts';
export { closeCase } from './use-cases/close-case.ts';
export { type FiledCase, fileCase } from './use-cases/file-case.ts';
export { listTotalCap } from './use-cases/list-cases.ts';
export { recordNode } from './use-cases/record-node.ts';
export { restoreCase } from './use-cases/restore-case.ts';
export {
  registerTerminationFactProvider,
  type TerminationFactProvider,
} from './use-cases/termination-facts.ts';
