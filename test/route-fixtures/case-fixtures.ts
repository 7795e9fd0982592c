import { clock } from '../../src/platform/clock.ts';
import { aCaseBody, aCompany, aPerson } from '../factories.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

/** The case of a request: its path and its facts, for the matrix. */
export async function onNewCase(world: World, court: CourtKey, respondents?: unknown[]) {
  const c = await world.fileCase(court, respondents);
  return { c, params: { id: c.id }, caseId: c.id };
}

/** A team of the court other than none: the first the court has. */
async function aTeamOf(world: World, courtId: string): Promise<string> {
  const res = await world.call('admin', 'GET', `/api/v1/teams?courtId=${courtId}`, undefined, 200);
  const items = Array.isArray(res.body.items) ? res.body.items : [];
  const last: unknown = items.at(-1);
  const id = typeof last === 'object' && last !== null ? Reflect.get(last, 'id') : undefined;
  if (typeof id !== 'string') throw new Error(`no team at court ${courtId}`);
  return id;
}

/** Cases: filing, the case, nodes, closing, restoration, team. */
export const caseFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases': {
    // Every optional field filled, so that each can be made wrong in turn.
    build: async () => ({
      body: aCaseBody({
        applicants: [
          aCompany({
            phone: '0571-88886666',
            address: '浙江省杭州市西湖区文三路100号',
            agents: [
              {
                name: '李明',
                kind: 'lawyer',
                lawFirm: '浙江测试律师事务所',
                licenseNumber: '13301200010000001',
                phone: '13900001111',
              },
            ],
          }),
        ],
        respondents: [aPerson()],
        triage: 'simple',
        flags: ['livelihood'],
        isNonLitigation: false,
      }),
    }),
  },
  'GET /api/v1/cases/{id}': { build: (world, court) => onNewCase(world, court) },
  'POST /api/v1/cases/{id}/nodes': {
    build: async (world, court) => ({
      ...(await onNewCase(world, court)),
      body: {
        kind: 'enforcementNoticeSent',
        note: '已送达执行通知书',
        occurredOn: clock.today(),
        documents: [{ name: '执行通知书' }],
      },
    }),
  },
  'POST /api/v1/cases/{id}/close': {
    build: async (world, court) => ({
      ...(await onNewCase(world, court)),
      body: { closingType: 'terminated', reason: '申请执行人撤回执行申请' },
    }),
  },
  'POST /api/v1/cases/{id}/restore': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      // Closed as 终本 without its checklist: what restoration needs, made directly.
      await world.t.database
        .sql`update cases.cases set status = 'closed', closing_type = 'terminatedThisRound',
        closing_reason = '无可供执行财产', closed_on = filed_on where id = ${onCase.caseId}`;
      return { ...onCase, body: { reason: '发现可供执行的财产' } };
    },
  },
  'PUT /api/v1/cases/{id}/team': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return { ...onCase, body: { teamId: await aTeamOf(world, onCase.c.courtId) } };
    },
  },
  'PATCH /api/v1/cases/{id}/parties/{partyId}': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const partyId = onCase.c.respondents[0]?.id ?? '';
      return {
        ...onCase,
        params: { id: onCase.c.id, partyId },
        body: {
          phone: '13900001111',
          address: '浙江省杭州市西湖区天目山路 1 号',
          reason: '当事人来电更正联系方式',
        },
      };
    },
  },
  'GET /api/v1/cases/{id}/parties/{partyId}/changes': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return { ...onCase, params: { id: onCase.c.id, partyId: onCase.c.respondents[0]?.id ?? '' } };
    },
  },
  'GET /api/v1/cases/{id}/credit': { build: (world, court) => onNewCase(world, court) },
  'GET /api/v1/cases/{id}/inquiries': { build: (world, court) => onNewCase(world, court) },
  'GET /api/v1/cases/{id}/assets': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const respondentPartyId = onCase.c.respondents[0]?.id ?? '';
      return {
        ...onCase,
        query: { sort: 'answeredAt', order: 'desc', respondentPartyId, assetType: 'deposit' },
      };
    },
  },
  'GET /api/v1/cases/{id}/assets/export': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const respondentPartyId = onCase.c.respondents[0]?.id ?? '';
      return {
        ...onCase,
        query: { sort: 'answeredAt', order: 'asc', respondentPartyId, assetType: 'deposit' },
      };
    },
  },
  'GET /api/v1/cases/{id}/asset-graph': { build: (world, court) => onNewCase(world, court) },
  'GET /api/v1/cases/{id}/measures': { build: (world, court) => onNewCase(world, court) },
};
