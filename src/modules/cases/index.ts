export { isTeamMember } from './policy.ts';
export { registerCaseRoutes } from './routes.ts';
export { validateCreditCode } from './rules/credit-code.ts';
export { NodeKind } from './rules/deadlines.ts';
export { ageOn, maskIdNumber, validateIdNumber } from './rules/id-number.ts';
export { addCalendarDays, addMonths, calendarDaysBetween, compareIsoDates } from './rules/iso-date.ts';
export { addWorkingDays, chinaToday, workingDaysBetween } from './rules/working-days.ts';
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
