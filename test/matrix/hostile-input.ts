import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  bodySchemaOf,
  callerFor,
  caseFactsOf,
  changedTables,
  completeRequest,
  createWorld,
  declaredAccess,
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
  takesInput,
  type ValidRequest,
  type World,
} from '../route-fixtures/index.ts';
import { type Mutation, mutationsOf } from '../route-fixtures/mutations.ts';
import { startTestApp, type TestApp } from '../support.ts';
import { isInShard, routeShards } from './shards.ts';

/**
 * Hostile input, generated from the OpenAPI document (OWASP ASVS 5.1): for every operation, each
 * field of its body, query and path made wrong in turn — wrong type, impossible date, year 0,
 * 10,000 characters, negative, fractional and huge numbers, an unknown enum value, a required
 * field left out, an unknown field slipped in, control characters — starting from a valid request
 * made by a user allowed to send it. Each must be refused with a 4xx in the error envelope naming
 * the field, and must write nothing. A route added later is covered without anyone writing its
 * test; one whose valid request cannot be built fails here, saying which fixture to add.
 */
let t: TestApp;
let outside: Awaited<ReturnType<typeof startOutsideWorld>>;
let world: World;
let paths: Record<string, Record<string, Operation>>;

type Answer = { status: number; body: unknown };

function envelopeProblems(body: unknown): string[] {
  const error = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : undefined;
  if (typeof error !== 'object' || error === null) return ['no error envelope'];
  const details: unknown = Reflect.get(error, 'details');
  const isDetail = (d: unknown) =>
    typeof d === 'object' &&
    d !== null &&
    typeof Reflect.get(d, 'path') === 'string' &&
    typeof Reflect.get(d, 'message') === 'string';
  if (typeof Reflect.get(error, 'code') !== 'string' || typeof Reflect.get(error, 'message') !== 'string')
    return ['the envelope lacks code or message'];
  if (!Array.isArray(details) || !details.every(isDetail))
    return ['the envelope’s details are not [{path, message}]'];
  return [];
}

function detailsOf(body: unknown): { path: string; message: string }[] {
  const error = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : undefined;
  const details: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'details') : [];
  return Array.isArray(details)
    ? details.map((d) => ({
        path: String(Reflect.get(d, 'path')),
        message: String(Reflect.get(d, 'message')),
      }))
    : [];
}

/** Whether the answer names the field: by its path, or (an unknown field) by its parent and the key in the message. */
function namesField(m: Mutation, body: unknown): boolean {
  const parent = m.field.split('.').slice(0, -1).join('.') || (m.where === 'query' ? 'querystring' : 'body');
  return detailsOf(body).some(
    (d) =>
      d.path === m.field ||
      d.path.startsWith(`${m.field}.`) ||
      (m.unknownKey !== undefined && d.path === parent && d.message.includes(m.unknownKey)),
  );
}

function answerProblems(m: Mutation, answer: Answer): string[] {
  const what = `${m.where} ${m.field} (${m.label})`;
  const shown = JSON.stringify(answer.body).slice(0, 300);
  if (answer.status >= 500) return [`${what}: ${answer.status} ${shown}`];
  if (answer.status < 400) return [`${what}: accepted with ${answer.status}`];
  const envelope = envelopeProblems(answer.body);
  if (envelope.length > 0) return envelope.map((p) => `${what}: ${answer.status} ${p}: ${shown}`);
  // A malformed id in a path is simply not found, like an id out of scope.
  if (m.where === 'path' && answer.status === 404) return [];
  return namesField(m, answer.body) ? [] : [`${what}: ${answer.status} does not name the field: ${shown}`];
}

type Checked = { problems: string[]; count: number };

/** Which of the refused requests wrote: sent again one at a time (rarely needed: only when one did). */
async function findWriters(key: string, caller: Principal, mutations: Mutation[]): Promise<string[]> {
  const found: string[] = [];
  for (const m of mutations) {
    const before = await takeSnapshot(t);
    const answer = await send(world, caller, m.request);
    const changed = changedTables(before, await takeSnapshot(t));
    if (changed.length > 0)
      found.push(
        `${key} ${m.where} ${m.field} (${m.label}): ${answer.status} wrote to ${changed.join(', ')}`,
      );
  }
  return found.length > 0
    ? found
    : [`${key}: refused requests wrote, though none did when sent again one at a time`];
}

type Prepared = { method: string; route: string; operation: Operation; valid: ValidRequest | string };

/** The operations of the shard that take input. */
function operationsOf(shard: number) {
  return Object.entries(paths).flatMap(([route, operations]) =>
    Object.entries(operations)
      .filter(([method, operation]) => takesInput(operation) && isInShard(operationKey(method, route), shard))
      .map(([method, operation]) => ({ method, route, operation })),
  );
}

/** The valid requests of a few operations, made together (they file cases). */
async function prepareBatch(
  batch: { method: string; route: string; operation: Operation }[],
): Promise<Prepared[]> {
  return Promise.all(
    batch.map(async (op): Promise<Prepared> => {
      const key = operationKey(op.method, op.route);
      const fixture = fixtureOf(key, op.operation);
      if (!fixture)
        return { ...op, valid: `the path names objects the schema cannot make: ${fixtureHint(key)}` };
      try {
        return { ...op, valid: await fixture.build(world, 'xihu') };
      } catch (err) {
        return { ...op, valid: `its fixture failed: ${err instanceof Error ? err.message : String(err)}` };
      }
    }),
  );
}

async function checkOperation({ method, route, operation, valid }: Prepared): Promise<Checked> {
  const key = operationKey(method, route);
  const httpMethod = method.toUpperCase();
  if (!isHttpMethod(httpMethod)) return { problems: [`${key}: method not covered`], count: 0 };
  const access = declaredAccess(operation);
  if (!access) return { problems: [`${key}: declares no access (config.access)`], count: 0 };
  if (typeof valid === 'string') return { problems: [`${key}: ${valid}`], count: 0 };
  const caller = callerFor(access, world, valid, await caseFactsOf(world, valid));
  if (!caller)
    return { problems: [`${key}: no principal is allowed to call it: set \`as\` in its fixture`], count: 0 };
  const bodySchema = bodySchemaOf(operation);
  const base = completeRequest(httpMethod, route, operation, valid);
  const mutations = mutationsOf(operation, base, bodySchema);
  const before = await takeSnapshot(t);
  const answers = await Promise.all(mutations.map((m) => send(world, caller, m.request)));
  const after = await takeSnapshot(t);
  const problems = mutations.flatMap((m, i) => {
    const answer = answers[i];
    return answer ? answerProblems(m, answer).map((p) => `${key} ${p}`) : [];
  });
  if (changedTables(before, after).length > 0) problems.push(...(await findWriters(key, caller, mutations)));
  // Last, the valid request itself: the refusals above were the wrong field's doing, not the fixture's.
  const answer = await send(world, caller, base);
  if (answer.status >= 300) {
    const hint = routeFixtures[key] ? 'its fixture does not make a valid request' : fixtureHint(key);
    problems.push(
      `${key}: the valid request as ${caller.name} got ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}: ${hint}`,
    );
  }
  return { problems, count: mutations.length };
}

/** Registers the hostile-input walk for the routes of one shard (`shards.ts`), one test file each. */
export function registerHostileInput(shard: number): void {
  before(async () => {
    outside = await startOutsideWorld();
    t = await startTestApp({ env: outside.env });
    world = await createWorld(t);
    const docs = await t.request('GET', '/api/docs/json');
    assert.equal(docs.status, 200);
    paths = docs.body.paths;
  });
  after(async () => {
    await t?.close();
    await outside?.close();
  });

  test(`every field of every operation of shard ${shard}/${routeShards} refuses hostile input with a 4xx naming it, and writes nothing`, async (ctx) => {
    let total = 0;
    // A few operations' valid requests made at a time, then checked one operation at a time — what a
    // refused request wrote is seen in the whole database, so nothing else may run meanwhile.
    const all = operationsOf(shard);
    for (let i = 0; i < all.length; i += 8) {
      for (const prepared of await prepareBatch(all.slice(i, i + 8))) {
        await ctx.test(operationKey(prepared.method, prepared.route), async () => {
          const { problems, count } = await checkOperation(prepared);
          total += count;
          assert.deepEqual(problems, [], `${problems.length} problems:\n${problems.join('\n')}`);
        });
      }
    }
    // Sixty operations take input, most of them several fields: finding few means the walk broke.
    assert.ok(total >= 500 / routeShards, `only ${total} hostile requests were sent in shard ${shard}`);
  });
  if (shard === 1) {
    test('an operation whose path names something no fixture makes is reported with the fixture to add', () => {
      const key = operationKey('post', '/api/v1/widgets/{id}/polish');
      const operation: Operation = { parameters: [{ in: 'path', name: 'id', required: true }] };
      assert.equal(fixtureOf(key, operation), undefined);
      assert.match(
        fixtureHint(key),
        /add an entry for 'POST \/api\/v1\/widgets\/\{id\}\/polish' to routeFixtures/,
      );
      // Without a path to fill, the schema alone makes the request.
      assert.ok(fixtureOf(operationKey('post', '/api/v1/widgets'), { parameters: [] }));
    });
  }
}
