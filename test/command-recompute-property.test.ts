import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays } from '../src/kernel/index.ts';
import { compareWithRecompute, refreshCaseFacts } from '../src/modules/command/index.ts';
import { allSubscribers } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Incremental = recompute, on random histories: cases filed, suspended and resumed, closed in every
 * way (终本 included), restored, petitioned, reviewed, with the events delivered late, in part, and
 * again; after each history the monthly counts kept event by event equal a recompute from scratch.
 */
let t: TestApp;
let judge: string;
let president: string;
let centre: string;
let today = '2033-01-03';
const logger = createLogger('silent');

async function moveTo(date: string): Promise<void> {
  today = date;
  await t.setClockOffset(Date.parse(`${date}T12:00:00+08:00`) - Date.now());
  assert.equal(clock.today(), date);
}

async function deliver(limit = Number.POSITIVE_INFINITY): Promise<void> {
  const dispatcher = createOutboxDispatcher(
    t.database,
    allSubscribers().filter((s) => s.name.startsWith('command.')),
    logger,
  );
  for (let i = 0; i < limit && (await dispatcher.runOnce()) > 0; i += 1) {}
}

type Op =
  | { op: 'file' }
  | { op: 'advance'; days: number }
  | {
      op:
        | 'suspend'
        | 'resume'
        | 'fulfil'
        | 'withdraw'
        | 'terminate'
        | 'restore'
        | 'petition'
        | 'conclude'
        | 'review';
      pick: number;
    }
  | { op: 'deliverSome'; batches: number }
  | { op: 'redeliver'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Op>({ op: 'file' }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 120 }).map((days): Op => ({ op: 'advance', days })) },
  {
    weight: 8,
    arbitrary: fc
      .record({
        op: fc.constantFrom(
          'suspend',
          'resume',
          'fulfil',
          'withdraw',
          'terminate',
          'restore',
          'petition',
          'conclude',
          'review',
        ) as fc.Arbitrary<'suspend'>,
        pick: fc.nat(),
      })
      .map((x): Op => x),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 2 }).map((batches): Op => ({ op: 'deliverSome', batches })),
  },
  { weight: 1, arbitrary: fc.nat().map((pick): Op => ({ op: 'redeliver', pick })) },
);

const open: string[] = [];
const terminated: string[] = [];
const petitions: string[] = [];
const allCases: string[] = [];

function pickFrom<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

async function call(
  token: string,
  method: 'POST',
  url: string,
  body: unknown,
): Promise<{ status: number; body: { id?: string } }> {
  const res = await t.request(method, url, { token, body });
  assert.ok(res.status < 500, `${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

async function node(caseId: string, kind: string): Promise<number> {
  return (await call(judge, 'POST', `/api/v1/cases/${caseId}/nodes`, { kind, occurredOn: today, note: '' }))
    .status;
}

async function run(op: Op): Promise<void> {
  switch (op.op) {
    case 'file': {
      const res = await call(
        judge,
        'POST',
        '/api/v1/cases',
        aCaseBody({
          basis: {
            kind: 'judgment',
            documentNumber: '（2032）浙0106民初1号',
            issuedBy: '杭州市西湖区人民法院',
            effectiveDate: '2032-06-01',
          },
          applicants: [aCompany()],
          respondents: [aPerson()],
        }),
      );
      assert.equal(res.status, 201);
      open.push(String(res.body.id));
      allCases.push(String(res.body.id));
      return;
    }
    case 'advance':
      await moveTo(addCalendarDays(today, op.days));
      return;
    case 'suspend':
    case 'resume': {
      const id = pickFrom(open, op.pick);
      if (id) await node(id, op.op === 'suspend' ? 'suspended' : 'resumed');
      return;
    }
    case 'fulfil':
    case 'withdraw': {
      const id = pickFrom(open, op.pick);
      if (!id) return;
      if (op.op === 'fulfil') await node(id, 'paymentReceived');
      const res = await call(judge, 'POST', `/api/v1/cases/${id}/close`, {
        closingType: op.op === 'fulfil' ? 'fulfilled' : 'withdrawn',
        reason: '依法结案',
      });
      if (res.status === 200) open.splice(open.indexOf(id), 1);
      return;
    }
    case 'terminate': {
      const id = pickFrom(open, op.pick);
      if (!id) return;
      for (const kind of [
        'enforcementNoticeSent',
        'propertyReportOrderIssued',
        'onlineInquiryDone',
        'onSiteInquiryDone',
        'consumptionRestrictionIssued',
        'dishonestListed',
        'applicantInterviewed',
        'applicantConfirmedTermination',
      ])
        await node(id, kind);
      // Refused (409) before 3 months (终本规定 art. 1(4)): then the case stays open.
      const res = await call(judge, 'POST', `/api/v1/cases/${id}/close`, {
        closingType: 'terminatedThisRound',
        reason: '无财产',
      });
      if (res.status === 200) {
        open.splice(open.indexOf(id), 1);
        terminated.push(id);
      }
      return;
    }
    case 'restore': {
      const id = pickFrom(terminated, op.pick);
      if (!id) return;
      const res = await call(judge, 'POST', `/api/v1/cases/${id}/restore`, { reason: '发现财产' });
      if (res.status === 201 || res.status === 200) {
        terminated.splice(terminated.indexOf(id), 1);
        open.push(String(res.body.id));
        allCases.push(String(res.body.id));
      }
      return;
    }
    case 'petition': {
      const id = pickFrom(allCases, op.pick);
      if (!id) return;
      const res = await call(op.pick % 2 === 0 ? president : centre, 'POST', '/api/v1/command/petitions', {
        caseId: id,
        petitioner: '申请执行人',
        summary: '反映执行问题',
      });
      assert.equal(res.status, 201);
      petitions.push(String(res.body.id));
      return;
    }
    case 'conclude': {
      const id = pickFrom(petitions, op.pick);
      if (!id) return;
      await call(president, 'POST', `/api/v1/command/petitions/${id}/conclude`, { resolution: '已办结' });
      return;
    }
    case 'review': {
      const id = pickFrom(terminated, op.pick);
      if (id)
        await call(centre, 'POST', '/api/v1/command/termination-reviews', {
          caseId: id,
          item: 'applicantInterviewed',
          finding: '约谈记录缺失',
        });
      return;
    }
    case 'deliverSome':
      await deliver(op.batches);
      return;
    case 'redeliver': {
      // A delivery repeated (a worker that died after its work but before its mark): harmless.
      const id = pickFrom(allCases, op.pick);
      if (id) await t.database.db.transaction((tx) => refreshCaseFacts(tx, [id]));
      return;
    }
  }
}

before(async () => {
  t = await startTestApp();
  await moveTo(today);
  judge = await t.login('xihu.judge');
  president = await t.login('xihu.president');
  centre = await t.login('hz.command');
});
after(async () => {
  await t.close();
});

test('the incremental indicators equal a full recompute after any history', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
      for (const op of ops) await run(op);
      await deliver();
      const report = await compareWithRecompute(t.database.db);
      assert.deepEqual(report.differences, []);
    }),
    { numRuns: 12 },
  );
  // The histories reached every kind of count.
  const kinds = await t.database.sql<
    { indicator: string }[]
  >`select distinct indicator from command.indicator_months where denominator > 0`;
  assert.ok(kinds.length >= 3, JSON.stringify(kinds));
});
