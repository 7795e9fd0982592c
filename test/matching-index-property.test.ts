import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { caseTypes, parseCaseNumber } from '../src/kernel/index.ts';
import { approveEntry, expireTerms, listRespondent, orderRestriction } from '../src/modules/credit/index.ts';
import { type Actor, loadActorByUsername } from '../src/modules/identity/index.ts';
import {
  createMatchingService,
  describeRecord,
  type IndexState,
  type MatchingService,
  packCreditCode,
  packIdNumber,
  punishmentNumbersOf,
} from '../src/modules/matching/index.ts';
import { createLogger } from '../src/platform/logging.ts';
import { aCompany, anAdult, fileCaseWith } from './credit-support.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Property: after any sequence of listings, restrictions, deletions, lifts, expiries and restarts,
 * the in-memory index holds exactly the database's current list (`credit.active_punishments`), field
 * for field.
 */
let t: TestApp;
let leader: Actor;
let judgeActor: Actor;
const pool: { caseId: string; respondentId: string }[] = [];

before(async () => {
  t = await startTestApp();
  const judge = await t.login('xihu.judge');
  const l = await loadActorByUsername(t.database.db, 'xihu.president');
  const j = await loadActorByUsername(t.database.db, 'xihu.judge');
  assert.ok(l && j);
  leader = l;
  judgeActor = j;
  for (let i = 0; i < 3; i++) {
    const c = await fileCaseWith(t, judge, [anAdult(), aCompany({ legalRepresentative: `法人${i}` })]);
    for (const r of c.respondents) pool.push({ caseId: c.id, respondentId: r.id });
  }
});
after(() => t.close());

const key = new Uint32Array(3);
const roles = ['debtor', 'legalRepresentative', 'principal', 'responsiblePerson', 'actualController'];

async function assertIndexEqualsDatabase(state: IndexState): Promise<void> {
  const rows = await t.database.sql<
    {
      punishment_no: string;
      punishment: string;
      subject_kind: string;
      id_number: string | null;
      credit_code: string | null;
      name: string;
      court_no: number;
      case_number: string;
      since_day: number;
      until_day: number | null;
      behaviour_mask: number;
      role: string;
    }[]
  >`select punishment_no::text, punishment, subject_kind, id_number, credit_code, name, court_no, case_number,
      (since - date '1970-01-01') as since_day, (until - date '1970-01-01') as until_day, behaviour_mask, role
    from credit.active_punishments`;
  const expected = rows.map((r) => Number(r.punishment_no)).sort((a, b) => a - b);
  assert.deepEqual(punishmentNumbersOf(state.index), expected);
  for (const row of rows) {
    const r = state.index.recordOf(Number(row.punishment_no));
    assert.ok(r >= 0);
    const d = describeRecord(state.index, r);
    const parts = parseCaseNumber(row.case_number);
    let packed: number[] | null = null;
    if (row.id_number) {
      packIdNumber(row.id_number, key);
      packed = [...key];
    } else if (row.credit_code) {
      packCreditCode(row.credit_code, key);
      packed = [...key];
    }
    assert.deepEqual(d, {
      punishmentNo: Number(row.punishment_no),
      punishment: row.punishment,
      key: packed,
      isOrganisation: row.subject_kind !== 'natural',
      name: row.name,
      role: row.role,
      behaviourMask: row.behaviour_mask,
      sinceDay: row.since_day,
      untilDay: row.until_day ?? -1,
      courtNo: row.court_no,
      caseYear: parts?.year,
      caseTypeNo: caseTypes.indexOf(parts?.typeCode ?? '执') + 1,
      caseSeq: parts?.sequence,
    });
    assert.ok(roles.includes(d.role));
  }
}

type Command =
  | { op: 'list'; at: number; ground: 1 | 2; isDirect: boolean }
  | { op: 'approve'; at: number }
  | { op: 'restrict'; at: number }
  | { op: 'delist'; at: number }
  | { op: 'lift'; at: number }
  | { op: 'expire' }
  | { op: 'restart' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    op: fc.constant('list' as const),
    at: fc.nat(5),
    ground: fc.constantFrom(1 as const, 2 as const),
    isDirect: fc.boolean(),
  }),
  fc.record({ op: fc.constant('approve' as const), at: fc.nat(5) }),
  fc.record({ op: fc.constant('restrict' as const), at: fc.nat(5) }),
  fc.record({ op: fc.constant('delist' as const), at: fc.nat(5) }),
  fc.record({ op: fc.constant('lift' as const), at: fc.nat(5) }),
  fc.constant({ op: 'expire' as const }),
  fc.constant({ op: 'restart' as const }),
);

async function run(cmd: Command): Promise<void> {
  const { caseId, respondentId } = pool[
    (cmd.op === 'expire' || cmd.op === 'restart' ? 0 : cmd.at) % pool.length
  ] ?? { caseId: '', respondentId: '' };
  const db = t.database.db;
  const live = async (state: string) =>
    (
      await t.database.sql<
        { id: string }[]
      >`select id from credit.entries where case_id = ${caseId} and respondent_party_id = ${respondentId} and state = ${state}`
    )[0]?.id;
  // Refusals (a live entry exists, nothing to delete …) are part of the sequence: the invariant holds either way.
  try {
    switch (cmd.op) {
      case 'list':
        await listRespondent(db, cmd.isDirect ? leader : judgeActor, caseId, {
          respondentId,
          ground: cmd.ground,
          facts: '性质测试',
        });
        break;
      case 'approve': {
        const id = await live('pendingApproval');
        if (id) await approveEntry(db, leader, id);
        break;
      }
      case 'restrict':
        await orderRestriction(db, judgeActor, caseId, { respondentId });
        break;
      case 'delist': {
        const id = await live('listed');
        if (id)
          await t.request('POST', `/api/v1/credit/entries/${id}/delist`, {
            token: await t.login('xihu.judge'),
            body: { reason: '测试', ground: 'securityProvided' },
          });
        break;
      }
      case 'lift': {
        const [r] = await t.database.sql<
          { id: string }[]
        >`select id from credit.restrictions where case_id = ${caseId} and respondent_party_id = ${respondentId} and state = 'active'`;
        if (r)
          await t.request('POST', `/api/v1/credit/restrictions/${r.id}/lift`, {
            token: await t.login('xihu.judge'),
            body: { ground: 'performed', reason: '测试' },
          });
        break;
      }
      case 'expire':
        await expireTerms(db, '2099-12-31');
        break;
      case 'restart':
        break;
    }
  } catch (err) {
    if (!(err instanceof Error) || !('code' in err)) throw err;
  }
}

test('the matching index always equals the database’s current list', async () => {
  const logger = createLogger('silent');
  let service: MatchingService = createMatchingService(t.database, logger, { pollMs: 60_000 });
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        for (const cmd of commands) {
          await run(cmd);
          if (cmd.op === 'restart') {
            await service.stop();
            service = createMatchingService(t.database, logger, { pollMs: 60_000 });
          }
          await service.catchUp();
          await assertIndexEqualsDatabase(await service.ready());
        }
      }),
      { numRuns: 25 },
    );
    const [kinds] = await t.database.sql<
      { listed: number; deleted: number; added: number; lifted: number }[]
    >`
      select count(*) filter (where kind = 'listed')::int as listed, count(*) filter (where kind = 'deleted')::int as deleted,
        count(*) filter (where kind = 'restrictionAdded')::int as added, count(*) filter (where kind = 'restrictionLifted')::int as lifted
      from credit.changes`;
    // The sequences did exercise every kind of change.
    assert.ok(
      kinds && kinds.listed > 0 && kinds.deleted > 0 && kinds.added > 0 && kinds.lifted > 0,
      JSON.stringify(kinds),
    );
  } finally {
    await service.stop();
  }
});
