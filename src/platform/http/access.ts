import type { RouteOptions } from 'fastify';
import type { App } from './server.ts';

/**
 * Who may call a route. Every route of the API declares it in `config.access`; a route added
 * without one stops the server from starting. The sign-in hook enforces who must be signed in, the
 * module's `policy.ts` which role or seat on the case may act, and `test/access-matrix.test.ts`
 * checks every route's real answers against its declaration, for every demo role, on cases inside
 * and outside their data scope. The declaration is published in the OpenAPI document as
 * `x-zhixing-access`, so outside developers read the same rule the test checks.
 *
 * Roles and capabilities are plain names here (the platform knows no module); the module that owns
 * them checks the names when the route is added (identity's `installAuth` for roles).
 */
export type CaseSeat = 'judge' | 'assistant' | 'bailiff' | 'clerk';

/** Every seat of a case's team. */
export const teamSeats: readonly CaseSeat[] = ['judge', 'assistant', 'bailiff', 'clerk'];

export type RouteAccess =
  /** Anyone, with no credential: the portal, signing in and out. */
  | { readonly kind: 'public' }
  /** A signed-in user (401 without), or only one holding one of `roles` (403 for others). */
  | { readonly kind: 'signedIn'; readonly roles?: readonly string[] }
  /**
   * A case the request names, in its path or body, directly or through something of it (an
   * entry, a restriction, a measure, a batch). Outside the user's data scope the case does not
   * exist (404). Inside it, with no `seats` nor roles given, everyone who sees it may call the
   * route; otherwise only a member of the case team in one of `seats`, a holder of one of
   * `courtRoles` at the case's own court, or of one of `higherCourtRoles` at a court above it (403).
   */
  | {
      readonly kind: 'case';
      readonly seats?: readonly CaseSeat[];
      readonly courtRoles?: readonly string[];
      readonly higherCourtRoles?: readonly string[];
    }
  /**
   * A court the request names, in its path or body (a court to create one under, a user or team of
   * a court), for holders of one of `roles` (403 for others). Outside the user's data scope the
   * court does not exist: refused as one that is not there (404, or 400 naming the field).
   */
  | { readonly kind: 'court'; readonly roles: readonly string[] }
  /** Something addressed to particular users (a notice): for anyone else it does not exist (404). */
  | { readonly kind: 'addressee' }
  /** An outside unit's API key of one of `capabilities` (401 without; 403 for another key or a user's token). */
  | { readonly kind: 'unitKey'; readonly capabilities: readonly string[] }
  /** A request signed by a registered institution with its key (HMAC); users' credentials play no part. */
  | { readonly kind: 'institutionSignature' };

export type AccessKind = RouteAccess['kind'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (see platform/http/access.ts); required of every API route. */
    access?: RouteAccess;
  }
}

/** The kinds a request without a user's sign-in may reach (the route checks its own credential). */
const withoutSignIn: ReadonlySet<AccessKind> = new Set(['public', 'unitKey', 'institutionSignature']);

/** The declared access of a route's config. */
export function accessOf(config: unknown): RouteAccess | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const access: unknown = Reflect.get(config, 'access');
  return isRouteAccess(access) ? access : undefined;
}

/** Whether the route is reached without a user's sign-in. */
export function isReachableWithoutSignIn(config: unknown): boolean {
  const access = accessOf(config);
  return access !== undefined && withoutSignIn.has(access.kind);
}

function isRouteAccess(value: unknown): value is RouteAccess {
  if (typeof value !== 'object' || value === null) return false;
  const kind: unknown = Reflect.get(value, 'kind');
  return (
    kind === 'public' ||
    kind === 'signedIn' ||
    kind === 'case' ||
    kind === 'court' ||
    kind === 'addressee' ||
    kind === 'unitKey' ||
    kind === 'institutionSignature'
  );
}

/** The role names a declaration mentions. */
export function rolesOf(access: RouteAccess): string[] {
  if (access.kind === 'signedIn') return [...(access.roles ?? [])];
  if (access.kind === 'court') return [...access.roles];
  if (access.kind === 'case') return [...(access.courtRoles ?? []), ...(access.higherCourtRoles ?? [])];
  return [];
}

/** The problems of one route's declaration: none, or why the server must not start with it. */
export function accessProblems(
  route: Pick<RouteOptions, 'method' | 'url' | 'config'>,
  knownRoles: readonly string[],
): string[] {
  const name = `${String(route.method)} ${route.url}`;
  const access = accessOf(route.config);
  if (!access) {
    return [
      `${name} declares no access: add config.access (src/platform/http/access.ts), e.g. { kind: 'signedIn' }`,
    ];
  }
  const unknown = rolesOf(access).filter((role) => !knownRoles.includes(role));
  const problems = unknown.map((role) => `${name} declares access for an unknown role "${role}"`);
  if (access.kind === 'signedIn' && access.roles?.length === 0)
    problems.push(`${name} declares roles: [] (nobody); leave roles out for every signed-in user`);
  if (access.kind === 'court' && access.roles.length === 0)
    problems.push(`${name} declares a court's route for no role`);
  if (access.kind === 'unitKey' && access.capabilities.length === 0)
    problems.push(`${name} declares a unit key of no capability`);
  return problems;
}

/**
 * From now on, every route added to `app` must declare its access: a route without one (or naming
 * a role that does not exist) throws, and the server does not start. The declaration is copied
 * into the route's OpenAPI operation as `x-zhixing-access`.
 */
export function requireAccessDeclarations(app: App, opts: { roles: readonly string[] }): void {
  app.addHook('onRoute', (route) => {
    const problems = accessProblems(route, opts.roles);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const access = accessOf(route.config);
    route.schema = Object.assign(route.schema ?? {}, { 'x-zhixing-access': access });
  });
}
