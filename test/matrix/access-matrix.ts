import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RouteAccess, requireAccessDeclarations } from '../../src/platform/http/access.ts';
import { createHttpServer } from '../../src/platform/http/server.ts';
import { createLogger } from '../../src/platform/logging.ts';
import {
  type BuiltRequest,
  caseCourts,
  caseFactsOf,
  changedTables,
  completeRequest,
  createWorld,
  declaredAccess,
  type Expected,
  expectedFor,
  fixtureHint,
  fixtureOf,
  isHttpMethod,
  type Operation,
  operationKey,
  type Principal,
  routeFixtures,
  send,
  startOutsideWorld,
  takeSnapshot,
  type World,
} from '../route-fixtures/index.ts';
import { startTestApp, type TestApp } from '../support.ts';
import { isInShard, routeShards } from './shards.ts';

/**
 * The access matrix, generated from the route table (the OpenAPI document, where every route
 * publishes the access it declares in `config.access`): every route × every demo role (and the
 * court leaders the demo lacks, an anonymous caller, the outside units' keys) × a case of each
 * basic court, inside and outside each one's data scope. The expected answer is worked out from
 * the declaration alone — 401 without a credential, 403 for a role or seat that may not, 404 for a
 * case outside the scope — and checked against the real one; refusals must write nothing.
 */
let t: TestApp;
let outside: Awaited<ReturnType<typeof startOutsideWorld>>;
let world: World;
let operations: { route: string; method: string; operation: Operation }[];

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The refusal expected; a case or court named in the body may also be unknown as that field's value (400 naming it). */
function isRefusedAsExpected(
  expected: Expected,
  answer: { status: number; body: unknown },
  namedBy?: string,
) {
  if (answer.status === expected) return true;
  if (expected !== 404 || answer.status !== 400 || namedBy === undefined) return false;
  const error =
    typeof answer.body === 'object' && answer.body !== null ? Reflect.get(answer.body, 'error') : null;
  const details: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'details') : null;
  return Array.isArray(details) && details.some((d) => Reflect.get(d, 'path') === namedBy);
}

function describe(p: Principal, court: string, expected: Expected, status: number, body: unknown): string {
  return `${p.name} at ${court}: expected ${expected}, got ${status} ${JSON.stringify(body).slice(0, 200)}`;
}

type Row = { p: Principal; expected: Expected };
type OnCourt = { court: string; request: BuiltRequest; rows: Row[] };

/** Who should get what for one fixture request: every principal, judged by the declaration. */
async function rowsOf(access: RouteAccess, request: BuiltRequest): Promise<Row[]> {
  const valid = request.valid;
  const facts = await caseFactsOf(world, valid);
  const target = { caseFacts: facts, courtId: valid.courtId, addressees: valid.addressees };
  return world.principals.map((p) => ({ p, expected: expectedFor(access, p, world, target) }));
}

// How many answers of each kind were checked: a matrix of one kind only would prove little.
const tally = new Map<Expected, number>();
function count(rows: Row[]) {
  for (const r of rows) tally.set(r.expected, (tally.get(r.expected) ?? 0) + 1);
}

/** Every refusal of every court at once, on fresh state: each as declared, and none writes. */
async function checkRefusals(onCourts: OnCourt[]): Promise<string[]> {
  const refusals = onCourts.flatMap(({ court, request, rows }) =>
    rows.filter((r) => r.expected !== 'ok').map((r) => ({ ...r, court, request })),
  );
  const before = await takeSnapshot(t);
  const answers = await Promise.all(refusals.map((r) => send(world, r.p, r.request)));
  const problems = refusals.flatMap((r, i) => {
    const answer = answers[i];
    if (!answer || isRefusedAsExpected(r.expected, answer, r.request.valid.namedBy)) return [];
    return [describe(r.p, r.court, r.expected, answer.status, answer.body)];
  });
  const changed = changedTables(before, await takeSnapshot(t));
  if (changed.length > 0) problems.push(`refused requests wrote to ${changed.join(', ')}`);
  return problems;
}

/**
 * Those let through: reads all at once; writes one at a time, for once one succeeded the object
 * may be used up (an entry signed, a case closed) and the next gets 409.
 */
async function checkLetThrough({ court, request, rows }: OnCourt): Promise<string[]> {
  const allowed = rows.filter((r) => r.expected === 'ok');
  if (request.method === 'GET') {
    const answers = await Promise.all(allowed.map((r) => send(world, r.p, request)));
    return allowed.flatMap((r, i) => {
      const answer = answers[i];
      return answer && !isOk(answer.status) ? [describe(r.p, court, 'ok', answer.status, answer.body)] : [];
    });
  }
  const problems: string[] = [];
  let hasSucceeded = false;
  for (const r of allowed) {
    const answer = await send(world, r.p, request);
    const isUsedUp = hasSucceeded && answer.status === 409;
    if (!isOk(answer.status) && !isUsedUp)
      problems.push(describe(r.p, court, 'ok', answer.status, answer.body));
    hasSucceeded ||= isOk(answer.status);
  }
  return problems;
}

/** A signed institution callback: whoever sends it, the signature decides; without one it is 401. */
async function checkUnsigned(request: BuiltRequest): Promise<string[]> {
  const unsigned = { ...request, headers: { 'content-type': 'application/json' } };
  const answer = await send(world, null, unsigned);
  return answer.status === 401 ? [] : [`unsigned: expected 401, got ${answer.status}`];
}

type Prepared = { key: string; access: RouteAccess; onCourts: OnCourt[] } | { key: string; problem: string };

/** An operation's fixture requests, one on each basic court where who may act depends on the case or court. */
async function prepare(route: string, method: string, operation: Operation): Promise<Prepared> {
  const key = operationKey(method, route);
  const httpMethod = method.toUpperCase();
  if (!isHttpMethod(httpMethod)) return { key, problem: 'method not covered' };
  const access = declaredAccess(operation);
  if (!access) return { key, problem: 'declares no access: add config.access (src/platform/http/access.ts)' };
  const fixture = fixtureOf(key, operation);
  if (!fixture) return { key, problem: `the path names objects the schema cannot make: ${fixtureHint(key)}` };
  const isPerCourt = access.kind === 'case' || access.kind === 'court' || access.kind === 'addressee';
  const courts = isPerCourt ? caseCourts : (['xihu'] as const);
  try {
    const onCourts = await Promise.all(
      courts.map(async (court): Promise<OnCourt> => {
        const request = completeRequest(httpMethod, route, operation, await fixture.build(world, court));
        return { court, request, rows: await rowsOf(access, request) };
      }),
    );
    return { key, access, onCourts };
  } catch (err) {
    return { key, problem: `its fixture failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function check(prepared: Prepared): Promise<string[]> {
  if ('problem' in prepared) return [`${prepared.key}: ${prepared.problem}`];
  const { key, access, onCourts } = prepared;
  for (const onCourt of onCourts) count(onCourt.rows);
  const problems = await checkRefusals(onCourts);
  // The courts' objects are their own: the three let-through runs go side by side.
  problems.push(...(await Promise.all(onCourts.map(checkLetThrough))).flat());
  const [first] = onCourts;
  if (access.kind === 'institutionSignature' && first) problems.push(...(await checkUnsigned(first.request)));
  return problems.map((p) => `${key}: ${p}`);
}

/**
 * Registers the matrix for the routes of one shard (`shards.ts`): each shard is its own test file,
 * with its own database, app and world, so that no file runs long on a busy machine.
 */
export function registerAccessMatrix(shard: number): void {
  before(async () => {
    outside = await startOutsideWorld();
    t = await startTestApp({ env: outside.env });
    world = await createWorld(t);
    const docs = await t.request('GET', '/api/docs/json');
    assert.equal(docs.status, 200);
    const paths: Record<string, Record<string, Operation>> = docs.body.paths;
    operations = Object.entries(paths)
      .flatMap(([route, byMethod]) =>
        Object.entries(byMethod).map(([method, operation]) => ({ route, method, operation })),
      )
      .filter((o) => isInShard(operationKey(o.method, o.route), shard));
  });
  after(async () => {
    await t?.close();
    await outside?.close();
  });

  test(`every route of shard ${shard}/${routeShards} answers every principal as its declared access says`, async (ctx) => {
    // Signing out ends the callers' sessions: last.
    const ordered = [...operations].sort(
      (a, b) =>
        Number(routeFixtures[operationKey(a.method, a.route)]?.isSessionEnding ?? false) -
        Number(routeFixtures[operationKey(b.method, b.route)]?.isSessionEnding ?? false),
    );
    // A few operations' fixtures made at a time (they file cases), then those checked one by one —
    // nothing else running, since what a refused request wrote is seen in the whole database. Checked
    // soon after it is made, a signed callback is still fresh however busy the machine.
    for (let i = 0; i < ordered.length; i += 6) {
      const batch = ordered.slice(i, i + 6);
      const prepared = await Promise.all(batch.map((o) => prepare(o.route, o.method, o.operation)));
      for (const one of prepared) {
        await ctx.test(one.key, async () => {
          const problems = await check(one);
          assert.deepEqual(problems, [], `${problems.length} disagreements:\n${problems.join('\n')}`);
        });
      }
    }
    assert.ok(
      operations.length >= 60 / routeShards,
      `only ${operations.length} operations of the route table in shard ${shard}`,
    );
    for (const expected of ['ok', 401, 403, 404] as const)
      assert.ok(
        (tally.get(expected) ?? 0) >= 100 / routeShards,
        `only ${tally.get(expected) ?? 0} answers expected ${expected}`,
      );
  });
  if (shard === 1) {
    test('a route added without a declared access stops the server from starting', async () => {
      const app = await createHttpServer({
        logger: createLogger('silent'),
        isDatabaseUp: async () => true,
        serveWeb: false,
      });
      requireAccessDeclarations(app, { roles: ['judge'] });
      assert.throws(() => app.get('/api/v1/undeclared', async () => ({})), /declares no access/);
      assert.throws(
        () =>
          app.get(
            '/api/v1/mistyped',
            { config: { access: { kind: 'signedIn', roles: ['judgee'] } } },
            async () => ({}),
          ),
        /unknown role "judgee"/,
      );
      app.get(
        '/api/v1/declared',
        { config: { access: { kind: 'signedIn', roles: ['judge'] } } },
        async () => ({}),
      );
      await app.close();
    });
  }
}
