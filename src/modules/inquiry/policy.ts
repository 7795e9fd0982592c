import { AppError, bi, ErrorCode, type ErrorDetail } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

/** Only the case's team queries a respondent's assets or acts on them (every query audited with its purpose). */
export function assertCanQuery(actor: Actor, c: CaseContext, path?: string): void {
  if (!c.isTeamMember) {
    const message = bi('只有本案执行团队可以查询财产', 'Only the case team may query assets');
    const details: ErrorDetail[] = path ? [{ path, message }] : [];
    throw new AppError(ErrorCode.forbidden, message, details);
  }
  if (!hasRole(actor, Role.judge, Role.assistant, Role.clerk, Role.bailiff)) {
    throw new AppError(ErrorCode.forbidden, bi('无查询权限', 'Not permitted to query'));
  }
}

export function assertCanAct(c: CaseContext): void {
  if (!c.isTeamMember) {
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有本案执行团队可以采取控制措施', 'Only the case team may take control measures'),
    );
  }
}

/** The institutions registry holds keys: system administrators only. */
export function assertCanAdminister(actor: Actor): void {
  if (!hasRole(actor, Role.admin)) {
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有系统管理员可以管理查控机构', 'Only administrators manage institutions'),
    );
  }
}
