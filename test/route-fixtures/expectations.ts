import { accessOf, type RouteAccess } from '../../src/platform/http/access.ts';
import type { Operation } from './schema.ts';
import type { CaseFacts, Principal, World } from './world.ts';

/** What a principal should get from a route: let through (`ok`), or refused with a status. */
export type Expected = 'ok' | 401 | 403 | 404;

/**
 * The declared access of an operation in the OpenAPI document. The platform's own routes, added
 * before the modules' (server.ts), cannot carry the declaration; for them OpenAPI's own `security:
 * []` (no credential) is read as public.
 */
export function declaredAccess(operation: Operation): RouteAccess | undefined {
  const declared = accessOf({ access: operation['x-zhixing-access'] });
  if (declared) return declared;
  return Array.isArray(operation.security) && operation.security.length === 0
    ? { kind: 'public' }
    : undefined;
}

/** A grid worker or a procurator is outside staff: no case is in their scope (identity/policy.ts). */
function isCourtStaff(p: Principal): boolean {
  return p.roles.some((role) => role !== 'gridWorker' && role !== 'procurator');
}

const seatNames = ['judge', 'assistant', 'bailiff', 'clerk'] as const;

function expectedOnCase(
  access: Extract<RouteAccess, { kind: 'case' }>,
  p: Principal,
  c: CaseFacts,
  world: World,
): Expected {
  const caseLine = world.courtLine(c.courtId);
  if (!isCourtStaff(p) || p.courtId === null || !caseLine.includes(p.courtId)) return 404;
  const { seats, courtRoles, higherCourtRoles } = access;
  if (seats === undefined && courtRoles === undefined && higherCourtRoles === undefined) return 'ok';
  const holds = (roles: readonly string[] | undefined) => (roles ?? []).some((r) => p.roles.includes(r));
  const seat = seatNames.find((s) => c.team[s] !== null && c.team[s] === p.userId);
  if (seat !== undefined && (seats ?? []).includes(seat)) return 'ok';
  if (holds(courtRoles) && p.courtId === c.courtId) return 'ok';
  if (holds(higherCourtRoles) && p.courtId !== c.courtId) return 'ok';
  return 403;
}

/** The answer the declaration promises `p`, on the case (or the addressees) the request names. */
export function expectedFor(
  access: RouteAccess,
  p: Principal,
  world: World,
  target: { caseFacts?: CaseFacts; courtId?: string; addressees?: readonly string[] },
): Expected {
  switch (access.kind) {
    case 'public':
    case 'institutionSignature':
      return 'ok';
    case 'unitKey':
      if (p.kind === 'anonymous') return 401;
      if (p.kind === 'user') return 403;
      return p.capability !== null && access.capabilities.includes(p.capability) ? 'ok' : 403;
    case 'signedIn':
      if (p.kind !== 'user') return 401;
      if (access.roles === undefined) return 'ok';
      return access.roles.some((r) => p.roles.includes(r)) ? 'ok' : 403;
    case 'court': {
      if (p.kind !== 'user') return 401;
      if (!access.roles.some((r) => p.roles.includes(r))) return 403;
      if (!target.courtId)
        throw new Error(
          'a route declaring court access needs its fixture to say which court it names (courtId)',
        );
      const isInScope =
        isCourtStaff(p) && p.courtId !== null && world.courtLine(target.courtId).includes(p.courtId);
      return isInScope ? 'ok' : 404;
    }
    case 'addressee':
      if (p.kind !== 'user') return 401;
      return p.userId !== null && (target.addressees ?? []).includes(p.userId) ? 'ok' : 404;
    case 'case': {
      if (p.kind !== 'user') return 401;
      if (!target.caseFacts)
        throw new Error(
          'a route declaring case access needs its fixture to say which case it acts on (caseId)',
        );
      return expectedOnCase(access, p, target.caseFacts, world);
    }
  }
}
