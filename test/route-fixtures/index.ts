import type { RouteAccess } from '../../src/platform/http/access.ts';
import { additionsFixtures } from './additions-fixtures.ts';
import { aidFixtures } from './aid-fixtures.ts';
import { auctionFixtures } from './auction-fixtures.ts';
import { caseFixtures } from './case-fixtures.ts';
import { commandFixtures } from './command-fixtures.ts';
import { creditFixtures } from './credit-fixtures.ts';
import { disclosureFixtures } from './disclosure-fixtures.ts';
import { disclosureRewardFixtures } from './disclosure-reward-fixtures.ts';
import { distributionFixtures } from './distribution-fixtures.ts';
import { documentsFixtures } from './documents-fixtures.ts';
import { expectedFor } from './expectations.ts';
import { fundsFixtures } from './funds-fixtures.ts';
import { identityFixtures } from './identity-fixtures.ts';
import { inboxFixtures } from './inbox-fixtures.ts';
import { inquiryFixtures } from './inquiry-fixtures.ts';
import { matchingFixtures } from './matching-fixtures.ts';
import { notifyFixtures } from './notify-fixtures.ts';
import { proceduresFixtures } from './procedures-fixtures.ts';
import { ratingFixtures } from './rating-fixtures.ts';
import { sanctionsFixtures } from './sanctions-fixtures.ts';
import { exampleOf, type JsonSchema, type Operation } from './schema.ts';
import { selfDisposalFixtures } from './self-disposal-fixtures.ts';
import { serviceFixtures } from './service-fixtures.ts';
import { supervisionFixtures } from './supervision-fixtures.ts';
import type { OperationKey, RouteFixture, ValidRequest } from './types.ts';
import { valuationFixtures } from './valuation-fixtures.ts';
import type { CaseFacts, Principal, World } from './world.ts';

export { declaredAccess, type Expected, expectedFor } from './expectations.ts';
export type { JsonSchema, Operation, Parameter } from './schema.ts';
export { changedTables, takeSnapshot } from './snapshot.ts';
export type { ValidRequest } from './types.ts';
export { type CourtKey, caseCourts, createWorld, type Principal, type World } from './world.ts';

/**
 * A valid request for every operation the schema alone cannot make: the ids of real objects in
 * scope, values the use cases check. An operation added later without an entry here is built
 * from its schema; when that is not enough, the generated tests say which entry to add.
 */
export const routeFixtures: Record<OperationKey, RouteFixture> = {
  ...identityFixtures,
  ...caseFixtures,
  ...inquiryFixtures,
  ...creditFixtures,
  ...matchingFixtures,
  ...notifyFixtures,
  ...disclosureFixtures,
  ...fundsFixtures,
  ...distributionFixtures,
  ...auctionFixtures,
  ...valuationFixtures,
  ...commandFixtures,
  ...disclosureRewardFixtures,
  ...documentsFixtures,
  ...proceduresFixtures,
  ...sanctionsFixtures,
  ...aidFixtures,
  ...ratingFixtures,
  ...supervisionFixtures,
  ...additionsFixtures,
  ...inboxFixtures,
  ...selfDisposalFixtures,
  ...serviceFixtures,
};

export { startOutsideWorld } from './funds-fixtures.ts';

export function operationKey(method: string, route: string): OperationKey {
  return `${method.toUpperCase()} ${route}`;
}

export function bodySchemaOf(operation: Operation): JsonSchema | undefined {
  return operation.requestBody?.content?.['application/json']?.schema;
}

export function pathParameters(operation: Operation) {
  return (operation.parameters ?? []).filter((p) => p.in === 'path');
}

/** Whether the operation takes any input at all (path, query or body). */
export function takesInput(operation: Operation): boolean {
  return (operation.parameters ?? []).length > 0 || bodySchemaOf(operation) !== undefined;
}

export function fixtureHint(key: OperationKey): string {
  return `add an entry for '${key}' to routeFixtures (test/route-fixtures/<module>-fixtures.ts) that builds a valid request`;
}

/** The fixture of an operation, or one made from its schema; none when the path names something the schema cannot. */
export function fixtureOf(key: OperationKey, operation: Operation): RouteFixture | undefined {
  const fixture = routeFixtures[key];
  if (fixture) return fixture;
  if (pathParameters(operation).length > 0) return undefined;
  return { build: async () => ({}) };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function isHttpMethod(method: string): method is HttpMethod {
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
}

/** The request as sent: the url with its path and query filled in, the body made from the schema where left out. */
export type BuiltRequest = {
  method: HttpMethod;
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  rawBody: string | undefined;
  headers: Record<string, string>;
  valid: ValidRequest;
};

export function completeRequest(
  method: HttpMethod,
  route: string,
  operation: Operation,
  valid: ValidRequest,
) {
  const schema = bodySchemaOf(operation);
  const body = valid.body !== undefined ? valid.body : schema ? exampleOf(schema) : undefined;
  return {
    method,
    route,
    params: valid.params ?? {},
    query: valid.query ?? {},
    body,
    rawBody: valid.rawBody,
    headers: valid.headers ?? {},
    valid,
  } satisfies BuiltRequest;
}

export function urlOf(route: string, params: Record<string, string>, query: Record<string, string>): string {
  const path = route.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

let address = 0;

/**
 * Sends a request as `principal`: their credential, the fixture's own headers, the body as JSON or
 * as raw bytes. Each request comes from an address of its own, as from a client of its own: the
 * per-address limits (sign-in, the public list) are not what these tests are about.
 */
export async function send(world: World, principal: Principal | null, request: BuiltRequest) {
  const headers = { ...request.headers };
  if (principal?.token) headers.authorization = `Bearer ${principal.token}`;
  address += 1;
  const res = await world.t.app.inject({
    method: request.method,
    url: urlOf(request.route, request.params, request.query),
    headers,
    remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    ...(request.rawBody !== undefined
      ? { payload: request.rawBody }
      : request.body !== undefined
        ? {
            payload: JSON.stringify(request.body),
            headers: { ...headers, 'content-type': 'application/json' },
          }
        : {}),
  });
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {}
  return { status: res.statusCode, body };
}

/** The case facts a `case` declaration is judged on. */
export async function caseFactsOf(world: World, valid: ValidRequest): Promise<CaseFacts | undefined> {
  return valid.caseId ? world.caseFacts(valid.caseId) : undefined;
}

/** Who makes the request in the input test: the fixture's choice, else the first principal the access lets through. */
export function callerFor(
  access: RouteAccess,
  world: World,
  valid: ValidRequest,
  facts: CaseFacts | undefined,
): Principal | undefined {
  if (valid.as) return world.principal(valid.as);
  if (access.kind === 'public' || access.kind === 'institutionSignature') return world.principal('anonymous');
  const target = { caseFacts: facts, courtId: valid.courtId, addressees: valid.addressees };
  const isLetThrough = (p: Principal) => expectedFor(access, p, world, target) === 'ok';
  // Those who work the case first: a route's own people are the likeliest to get a valid request through.
  const ordered = [...world.principals].sort(
    (a, b) => Number(a.name === 'admin') - Number(b.name === 'admin'),
  );
  return ordered.find(isLetThrough);
}
