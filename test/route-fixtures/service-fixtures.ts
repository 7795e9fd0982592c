import { addCalendarDays, addWorkingDays, makeIdNumber } from '../../src/kernel/index.ts';
import { clock } from '../../src/platform/clock.ts';
import type { OperationKey, RouteFixture, ValidRequest } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * The service window and deputies' proposals: a visit registered by the judge of the court on a
 * fresh case of it (the visit belongs to the court); a proposal registered by the court's leader
 * and, where the route needs it, assigned to the court's judge.
 */
let counter = 0;

function idOf(body: Record<string, unknown>): string {
  const id = body.id;
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(body)}`);
  return id;
}

const visitor = {
  name: '来访人甲',
  idNumber: makeIdNumber('330106', '1985-05-05', 123),
  phone: '13900002222',
  role: 'applicant',
};

async function aVisit(world: World, court: CourtKey): Promise<ValidRequest> {
  const filed = await world.fileCase(court);
  const detail = await world.call('admin', 'GET', `/api/v1/cases/${filed.id}`, undefined, 200);
  const visit = await world.call(
    `${court}.judge`,
    'POST',
    '/api/v1/service/visits',
    { visitor, purpose: 'materials', caseNumber: detail.body.caseNumber },
    201,
  );
  return { params: { id: idOf(visit.body) }, courtId: world.courtId(court) };
}

async function aDeputyProposal(world: World, court: CourtKey, opts: { isAssigned?: boolean } = {}) {
  counter += 1;
  const registered = await world.call(
    `${court}.president`,
    'POST',
    '/api/v1/service/proposals',
    {
      kind: 'deputySuggestion',
      number: `fixture-${court}-${counter}-${Date.now() % 100_000}`,
      proposer: '周建华',
      title: '关于规范执行款发放的建议',
      content: '建议执行款到账后及时通知申请执行人。',
      receivedOn: addCalendarDays(clock.today(), -5),
    },
    201,
  );
  const id = idOf(registered.body);
  const judgeId = world.userId(`${court}.judge`);
  if (opts.isAssigned) {
    await world.call(
      `${court}.president`,
      'POST',
      `/api/v1/service/proposals/${id}/assign`,
      { userId: judgeId },
      200,
    );
  }
  return { id, judgeId };
}

export const serviceFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/service/visits': {
    // Every optional field but the case filled (each made wrong in turn); a visit names no court,
    // and a case number of one court would be unknown to the officers of the others.
    build: async () => ({
      body: { visitor, purpose: 'consultation', note: '咨询如何申请强制执行' },
    }),
  },
  'GET /api/v1/service/visits': { build: async () => ({ query: { on: clock.today() } }) },
  'GET /api/v1/service/statistics': {
    build: async () => ({ query: { from: addCalendarDays(clock.today(), -6), to: clock.today() } }),
  },
  'POST /api/v1/service/visits/{id}/materials': {
    build: async (world, court) => ({
      ...(await aVisit(world, court)),
      body: { items: [{ title: '财产线索材料', pages: 3 }], note: '车辆线索' },
    }),
  },
  'GET /api/v1/service/visits/{id}/progress': { build: (world, court) => aVisit(world, court) },
  'POST /api/v1/service/visits/{id}/meetings': {
    build: async (world, court) => ({
      ...(await aVisit(world, court)),
      body: { on: addWorkingDays(clock.today(), 1), slot: 'am', note: '面谈' },
    }),
  },
  'POST /api/v1/service/visits/{id}/close': { build: (world, court) => aVisit(world, court) },
  'POST /api/v1/service/proposals': {
    build: async () => {
      counter += 1;
      return {
        body: {
          kind: 'committeeProposal',
          number: `fixture-${counter}-${Date.now() % 100_000}`,
          proposer: '林雅琴',
          title: '关于善意文明执行的提案',
          content: '建议对经营正常的企业优先采用活封措施。',
          receivedOn: addCalendarDays(clock.today(), -3),
          replyDays: 60,
        },
      };
    },
  },
  'GET /api/v1/service/proposals': { build: async () => ({ query: { state: 'assigned' } }) },
  'POST /api/v1/service/proposals/{id}/assign': {
    build: async (world, court) => {
      const p = await aDeputyProposal(world, court);
      return { params: { id: p.id }, courtId: world.courtId(court), body: { userId: p.judgeId } };
    },
  },
  'POST /api/v1/service/proposals/{id}/answer': {
    build: async (world, court) => {
      const p = await aDeputyProposal(world, court, { isAssigned: true });
      return {
        params: { id: p.id },
        addressees: [p.judgeId],
        body: { reply: '感谢您的建议，本院已研究办理。', isPublishable: true },
      };
    },
  },
  'GET /api/v1/public/proposal-replies': { build: async () => ({ query: { page: '1' } }) },
};
