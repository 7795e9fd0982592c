import type { DbOrTx } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { type Actor, findCourtByCode, getCourt, hasRole, isInScope, Role } from '../identity/index.ts';

/**
 * Who may do what in the command centre. Indicators and ledgers are read by court staff whose
 * scope covers the court; supervision is opened from above (a command centre or a leader of a
 * higher court); petitions are registered by the case's court leader or a command centre above it.
 */
export const indicatorReaders = [
  Role.judge,
  Role.assistant,
  Role.bailiff,
  Role.clerk,
  Role.commandCentre,
  Role.courtLeader,
  Role.admin,
] as const;

/** Route access for reading a court's ledgers and indicators: these roles, within their scope. */
export const readers = { kind: 'court', roles: [...indicatorReaders] } as const;

export const supervisors = [Role.commandCentre, Role.courtLeader] as const;

/** Officers of a court who take in and do an entrusted matter. */
export const entrustmentOfficers = [
  Role.judge,
  Role.assistant,
  Role.bailiff,
  Role.clerk,
  Role.commandCentre,
  Role.courtLeader,
] as const;

export function requireAnyRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasRole(actor, ...roles))
    throw new AppError(ErrorCode.forbidden, bi('您的角色无权执行此操作', 'Your role may not do this'));
}

export type ScopedCourt = { id: string; name: string; courtCode: string; level: string; path: string };

/**
 * The court a request names by its code (法院代字), if the actor's scope covers it; outside the scope
 * a court does not exist. Without a code, the actor's own court.
 */
export async function courtInScope(
  db: DbOrTx,
  actor: Actor,
  code: string | undefined,
  field = 'court',
): Promise<ScopedCourt> {
  if (code === undefined) return { ...actor.court };
  const view = await findCourtByCode(db, code);
  const court = view ? await getCourt(db, view.id) : null;
  if (!court || !isInScope(actor, court.path))
    throw new AppError(ErrorCode.notFound, bi('法院不存在', 'Court not found'), [
      { path: field, message: bi('法院不存在或不在您的管辖范围内', 'No such court in your scope') },
    ]);
  return { id: court.id, name: court.name, courtCode: court.courtCode, level: court.level, path: court.path };
}
