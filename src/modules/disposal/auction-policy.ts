import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';

/**
 * Who may act on a case's auction: its team (the collegial panel's decisions are recorded by the
 * case team; 网拍规定 art. 27). Anyone who sees the case sees its lots; outside the data scope the
 * case — and so its lots — does not exist (loadCaseContext answers 404).
 */
export function assertCaseTeam(c: Pick<CaseContext, 'isTeamMember'>): void {
  if (!c.isTeamMember) {
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有本案执行团队可以处置拍卖事项', 'Only the case team may act on its auctions'),
    );
  }
}
