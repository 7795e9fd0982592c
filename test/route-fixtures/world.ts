import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { demoAccounts, demoPassword, insertUser } from '../../src/modules/identity/index.ts';
import { insertInstitution } from '../../src/modules/inquiry/index.ts';
import { aCaseBody, aCompany, aPerson } from '../factories.ts';
import type { TestApp } from '../support.ts';

/**
 * The world every generated route test runs in: the demo province's accounts signed in, a few
 * more that the demo lacks (a court leader at each court, one at a court above), two outside
 * units, one registered institution, and the court tree — read from the running system, so that
 * who may see or act on what is worked out from the same data the routes read.
 */
export type CourtKey = 'xihu' | 'shangcheng' | 'haishu';
export const caseCourts: readonly CourtKey[] = ['xihu', 'shangcheng', 'haishu'];

export type Principal = {
  /** A username, `anonymous`, or `unit:<capability>`. */
  name: string;
  kind: 'user' | 'anonymous' | 'unit';
  /** The bearer credential: a session token, or a unit's API key. */
  token: string | null;
  userId: string | null;
  roles: readonly string[];
  courtId: string | null;
  capability: string | null;
};

export type CaseFacts = {
  id: string;
  courtId: string;
  team: { judge: string | null; assistant: string | null; bailiff: string | null; clerk: string | null };
  respondents: { id: string; kind: string }[];
  applicants: { id: string }[];
};

/**
 * Users the demo lacks: a court leader at each court of a case and one at the court above two of
 * them, an administrator whose scope is not the whole country, a grid worker at each court.
 */
const extraUsers = [
  { username: 'shangcheng.president', court: 'shangcheng', role: 'courtLeader' },
  { username: 'haishu.president', court: 'haishu', role: 'courtLeader' },
  { username: 'hz.president', court: 'hz', role: 'courtLeader' },
  { username: 'hz.admin', court: 'hz', role: 'admin' },
  { username: 'shangcheng.grid', court: 'shangcheng', role: 'gridWorker' },
  { username: 'haishu.grid', court: 'haishu', role: 'gridWorker' },
] as const;

export const institutionCode = 'fixture-bank';
export const institutionKey = 'fixture-bank-signing-key-0001';

export type World = {
  t: TestApp;
  principals: Principal[];
  principal(name: string): Principal;
  token(username: string): string;
  userId(username: string): string;
  courtId(key: string): string;
  /** The court's own id and the ids of every court above it. */
  courtLine(courtId: string): string[];
  unitKey(capability: 'match' | 'feed'): string;
  /** Files a case at `court` by its judge (on the judge's team) and reads back its team and parties. */
  fileCase(court: CourtKey, respondents?: unknown[]): Promise<CaseFacts>;
  caseFacts(caseId: string): Promise<CaseFacts>;
  /** Asks as `username`, failing the test on anything but `status`. */
  call(
    username: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    status?: number,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
};

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
}

/**
 * The demo password under a cheap scrypt (the parameters are stored with each hash): signing in
 * twenty users costs milliseconds instead of a second each. The cost of scrypt is not what these
 * tests are about.
 */
function aCheapHash(): string {
  const salt = randomBytes(16);
  const key = scryptSync(demoPassword, salt, 32, { N: 1024, r: 8, p: 1 });
  return `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function createWorld(t: TestApp): Promise<World> {
  const cheapHash = aCheapHash();
  await t.database.sql`update identity.users set password_hash = ${cheapHash}`;
  const tokens = new Map<string, string>();
  const call: World['call'] = async (username, method, url, body, status) => {
    const token = username === null ? undefined : tokens.get(username);
    if (username !== null && token === undefined) throw new Error(`no session for ${username}`);
    const res = await t.request(method, url, { token, ...(body === undefined ? {} : { body }) });
    if (status !== undefined)
      assert.equal(res.status, status, `${method} ${url} as ${username}: ${JSON.stringify(res.body)}`);
    return { status: res.status, body: asRecord(res.body) };
  };
  // Signing in costs a password hash each: all at once.
  await Promise.all(
    demoAccounts.map(async (a) => {
      tokens.set(a.username, await t.login(a.username));
    }),
  );
  const courts = (await call('admin', 'GET', '/api/v1/courts', undefined, 200)).body.items;
  assert.ok(Array.isArray(courts));
  const courtRows = courts.map(asRecord);
  const parentOf = new Map(
    courtRows.map((c) => [String(c.id), c.parentId === null ? null : String(c.parentId)]),
  );
  const courtCodes: Record<string, string> = {
    spc: '最高法',
    zj: '浙',
    hz: '浙01',
    nb: '浙02',
    xihu: '浙0106',
    shangcheng: '浙0102',
    haishu: '浙0203',
  };
  const courtIds = new Map<string, string>();
  for (const [key, code] of Object.entries(courtCodes)) {
    const row = courtRows.find((c) => c.courtCode === code && c.level !== 'detachedTribunal');
    assert.ok(row, `court ${code}`);
    courtIds.set(key, String(row.id));
  }
  const courtId = (key: string) => {
    const id = courtIds.get(key);
    if (!id) throw new Error(`unknown court ${key}`);
    return id;
  };
  for (const { username, court, role } of extraUsers) {
    const user = { username, displayName: '测试用户', password: demoPassword, courtId: courtId(court) };
    await insertUser(t.database.db, { ...user, roles: [role] }, { isDemo: true, passwordHash: cheapHash });
    tokens.set(username, await t.login(username));
  }
  const principals: Principal[] = [];
  for (const username of [...demoAccounts.map((a) => a.username), ...extraUsers.map((u) => u.username)]) {
    const me = asRecord((await call(username, 'GET', '/api/v1/auth/me', undefined, 200)).body.user);
    const roles = Array.isArray(me.roles) ? me.roles.map(String) : [];
    principals.push({
      name: username,
      kind: 'user',
      token: tokens.get(username) ?? null,
      userId: String(me.id),
      roles,
      courtId: String(asRecord(me.court).id),
      capability: null,
    });
  }
  const units = new Map<string, string>();
  for (const capability of ['match', 'feed'] as const) {
    const res = await call(
      'admin',
      'POST',
      '/api/v1/admin/units',
      { name: `${capability} 测试单位`, scene: 'airline', capability, ratePerMinute: 100_000 },
      201,
    );
    units.set(capability, String(res.body.apiKey));
    principals.push({
      name: `unit:${capability}`,
      kind: 'unit',
      token: String(res.body.apiKey),
      userId: null,
      roles: [],
      courtId: null,
      capability,
    });
  }
  principals.push({
    name: 'anonymous',
    kind: 'anonymous',
    token: null,
    userId: null,
    roles: [],
    courtId: null,
    capability: null,
  });
  await insertInstitution(t.database.db, {
    code: institutionCode,
    name: '测试银行',
    kind: 'bank',
    channel: 'national',
    baseUrl: 'http://127.0.0.1:9/',
    signingKey: institutionKey,
    assetTypes: ['deposit', 'realEstate', 'vehicle'],
    operations: ['query', 'freeze', 'renew', 'unfreeze', 'seal', 'seize', 'release', 'deduct'],
    concurrency: 8,
    ratePerSecond: 0,
    isEnabled: true,
    maxAttempts: 3,
    retryBaseSeconds: 1,
    pollAfterSeconds: 60,
    answerTimeoutSeconds: 3600,
  });

  const caseFacts = async (caseId: string): Promise<CaseFacts> => {
    const detail = (await call('admin', 'GET', `/api/v1/cases/${caseId}`, undefined, 200)).body;
    const team = asRecord(detail.team);
    const seat = (name: string) => {
      const member = asRecord(team[name]);
      return typeof member.id === 'string' ? member.id : null;
    };
    const parties = (value: unknown) =>
      (Array.isArray(value) ? value : [])
        .map(asRecord)
        .map((p) => ({ id: String(p.id), kind: String(p.kind) }));
    return {
      id: caseId,
      courtId: String(asRecord(detail.court).id),
      team: {
        judge: seat('judge'),
        assistant: seat('assistant'),
        bailiff: seat('bailiff'),
        clerk: seat('clerk'),
      },
      respondents: parties(detail.respondents),
      applicants: parties(detail.applicants),
    };
  };

  const principal = (name: string) => {
    const found = principals.find((p) => p.name === name);
    if (!found) throw new Error(`no principal ${name}`);
    return found;
  };
  return {
    t,
    principals,
    principal,
    token(username) {
      const token = tokens.get(username);
      if (!token) throw new Error(`no session for ${username}`);
      return token;
    },
    userId(username) {
      const id = principal(username).userId;
      if (!id) throw new Error(`${username} is not a user`);
      return id;
    },
    courtId,
    courtLine(id) {
      const line: string[] = [];
      for (let at: string | null | undefined = id; at; at = parentOf.get(at)) line.push(at);
      return line;
    },
    unitKey(capability) {
      const key = units.get(capability);
      if (!key) throw new Error(`no unit of ${capability}`);
      return key;
    },
    async fileCase(court, respondents = [aPerson()]) {
      const filed = await call(`${court}.judge`, 'POST', '/api/v1/cases', aCaseBody({ respondents }), 201);
      return caseFacts(String(filed.body.id));
    },
    caseFacts,
    call,
  };
}

export { aCompany, aPerson };
