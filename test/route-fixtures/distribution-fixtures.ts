import { addCalendarDays } from '../../src/kernel/index.ts';
import { bookArrivals } from '../../src/modules/funds/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { aCaseBody } from '../factories.ts';
import type { TestDatabase } from '../support.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture, ValidRequest } from './types.ts';
import { aCompany, type CourtKey, type World } from './world.ts';

let serial = 0;

/**
 * Money on a case's account, booked as the bank's notice is (the ledger's own booking path): the
 * receipt, the arrival journal and the balances. The case has several applicants, so it stays
 * unallocated — where a distribution starts.
 */
export async function arrangeMoney(database: TestDatabase, caseId: string, amountFen: number): Promise<void> {
  // Taken before the first await: fixtures run side by side, and the bank's serial is the idempotency key.
  serial += 1;
  const mine = `DIST-${process.pid}-${Date.now()}-${serial}`;
  const [account] = await database.sql<{ accountNumber: string }[]>`
    select account_number as "accountNumber" from funds.case_accounts where case_id = ${caseId}`;
  if (!account) throw new Error(`case ${caseId} has no account yet`);
  await database.db.transaction((tx) =>
    bookArrivals(tx, [
      {
        serial: mine,
        toAccount: account.accountNumber,
        amountFen,
        payerName: '被执行人',
        payerAccount: '',
        receivedAt: clock.now().toISOString(),
      },
    ]),
  );
}

const base = (caseId: string) => `/api/v1/cases/${caseId}/funds/distribution`;

type Arranged = ValidRequest & { caseId: string; applicationIds: string[]; respondentId: string };

/**
 * A case of `court` with three applicants, ¥100,000 unallocated and each applicant's claim
 * recorded (one secured), then taken as far as `until` along the plan's way.
 */
async function aDistribution(
  world: World,
  court: CourtKey,
  until: 'claims' | 'drafted' | 'served' | 'objected' | 'opposed',
): Promise<Arranged> {
  const judge = `${court}.judge`;
  const filed = await world.call(
    judge,
    'POST',
    '/api/v1/cases',
    aCaseBody({ applicants: [aCompany(), aCompany(), aCompany()], claimAmountFen: 30_000_000 }),
    201,
  );
  const c = await world.caseFacts(String(filed.body.id));
  await world.call(judge, 'GET', `/api/v1/cases/${c.id}/funds`, undefined, 200);
  await arrangeMoney(world.t.database, c.id, 10_000_000);
  // The money must wait unallocated for the plan; if it does not, say where it went.
  const funds = (await world.call(judge, 'GET', `/api/v1/cases/${c.id}/funds`, undefined, 200)).body;
  const balances = funds.balances as { unallocatedFen?: number } | undefined;
  if (balances?.unallocatedFen !== 10_000_000)
    throw new Error(
      `¥100,000 booked to a case of three applicants is not unallocated: ${JSON.stringify({
        balances: funds.balances,
        receipts: funds.receipts,
        entries: funds.entries,
      })}`,
    );
  const claims = [
    { priority: 'secured', principalFen: 2_000_000 },
    { priority: 'ordinary', principalFen: 10_000_000, interestFen: 500_000 },
    { priority: 'ordinary', principalFen: 5_000_000 },
  ];
  let answer: Record<string, unknown> = {};
  for (const [i, claim] of claims.entries()) {
    const body = { ...claim, partyId: c.applicants[i]?.id, basis: `（2026）浙民初${i + 1}号` };
    answer = (await world.call(judge, 'POST', `${base(c.id)}/applications`, body, 201)).body;
  }
  const applications = Array.isArray(answer.applications) ? answer.applications : [];
  const applicationIds = applications.map((a: unknown) =>
    typeof a === 'object' && a !== null ? String(Reflect.get(a, 'id')) : '',
  );
  const steps: { until: typeof until; path: string; body?: unknown; status: number }[] = [
    { until: 'drafted', path: '/plan', body: {}, status: 201 },
    { until: 'served', path: '/plan/serve', status: 200 },
    {
      until: 'objected',
      path: '/plan/objections',
      body: { againstApplicationId: applicationIds[0], disputedFen: 1_000, reason: '担保债权有误' },
      status: 200,
    },
    { until: 'opposed', path: '/plan/oppositions', body: { isOpposed: true }, status: 200 },
  ];
  const order = ['claims', 'drafted', 'served', 'objected', 'opposed'];
  for (const step of steps) {
    if (order.indexOf(step.until) > order.indexOf(until)) break;
    await world.call(judge, 'POST', `${base(c.id)}${step.path}`, step.body, step.status);
  }
  return {
    params: { id: c.id },
    caseId: c.id,
    applicationIds,
    respondentId: c.respondents[0]?.id ?? '',
  };
}

/** A served plan whose 15 days to object ran out long ago (its service moved back 40 days). */
async function aPlanPastObjections(world: World, court: CourtKey): Promise<Arranged> {
  const arranged = await aDistribution(world, court, 'served');
  await world.t.database.sql`update funds.distribution_plans set served_on = served_on - 40
    where case_id = ${arranged.caseId} and state = 'served'`;
  return arranged;
}

const strip = ({ applicationIds: _a, respondentId: _r, ...valid }: Arranged): ValidRequest => valid;

/** 参与分配: the case's distribution, applications, the plan and each step of it. */
export const distributionFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/cases/{id}/funds/distribution': { build: (world, court) => onNewCase(world, court) },
  'POST /api/v1/cases/{id}/funds/distribution/applications': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const today = clock.today();
      return {
        ...onCase,
        // Every optional field an outside creditor has, so that each can be made wrong in turn.
        body: {
          creditorName: '杭州参与分配债权人有限公司',
          creditCode: aCompany().creditCode,
          basis: '（2026）浙0106民初88号民事判决书',
          priority: 'ordinary',
          principalFen: 1_000_000,
          interestFen: 10_000,
          seizedAt: addCalendarDays(today, -10),
          appliedOn: today,
        },
      };
    },
  },
  'POST /api/v1/cases/{id}/funds/distribution/plan': {
    build: async (world, court) => {
      const arranged = await aDistribution(world, court, 'claims');
      return { ...strip(arranged), body: { respondentPartyId: arranged.respondentId } };
    },
  },
  'POST /api/v1/cases/{id}/funds/distribution/plan/serve': {
    build: async (world, court) => strip(await aDistribution(world, court, 'drafted')),
  },
  'POST /api/v1/cases/{id}/funds/distribution/plan/objections': {
    build: async (world, court) => {
      const arranged = await aDistribution(world, court, 'served');
      return {
        ...strip(arranged),
        body: {
          objectorApplicationId: arranged.applicationIds[2],
          againstApplicationId: arranged.applicationIds[1],
          disputedFen: 1_000,
          reason: '乙的利息计算有误',
          filedOn: clock.today(),
        },
      };
    },
  },
  'POST /api/v1/cases/{id}/funds/distribution/plan/oppositions': {
    build: async (world, court) => ({
      ...strip(await aDistribution(world, court, 'objected')),
      body: { isOpposed: true, note: '异议不成立', filedOn: clock.today() },
    }),
  },
  'POST /api/v1/cases/{id}/funds/distribution/plan/suits': {
    build: async (world, court) => ({
      ...strip(await aDistribution(world, court, 'opposed')),
      body: { note: '已起诉', filedOn: clock.today() },
    }),
  },
  'POST /api/v1/cases/{id}/funds/distribution/plan/finalise': {
    build: async (world, court) => strip(await aPlanPastObjections(world, court)),
  },
  'POST /api/v1/cases/{id}/funds/distribution/plan/execute': {
    build: async (world, court) => {
      const arranged = await aPlanPastObjections(world, court);
      await world.call(`${court}.judge`, 'POST', `${base(arranged.caseId)}/plan/finalise`, undefined, 200);
      return strip(arranged);
    },
  },
};
