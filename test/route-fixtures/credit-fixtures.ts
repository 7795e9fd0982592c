import { makeIdNumber } from '../../src/kernel/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import { aCompany, type CourtKey, type World } from './world.ts';

const facts = '以虚假证据、暴力、威胁等方法妨碍、抗拒执行';
let serial = 0;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** A listing proposed by the case judge, awaiting a court leader's signature. */
async function aPendingEntry(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const respondentId = onCase.c.respondents[0]?.id ?? '';
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/dishonest`,
    { respondentId, ground: 2, facts },
    201,
  );
  return { ...onCase, respondentId, entryId: String(res.body.id) };
}

/** A listing signed by the court's leader, with the consumption restriction it orders. */
async function aListedEntry(world: World, court: CourtKey) {
  const pending = await aPendingEntry(world, court);
  await world.call(
    `${court}.president`,
    'POST',
    `/api/v1/credit/entries/${pending.entryId}/approve`,
    {},
    200,
  );
  const credit = await world.call(
    `${court}.judge`,
    'GET',
    `/api/v1/cases/${pending.caseId}/credit`,
    undefined,
    200,
  );
  const respondents = credit.body.respondents;
  const restriction = field(
    field(Array.isArray(respondents) ? respondents[0] : undefined, 'restrictions'),
    '0',
  );
  return { ...pending, restrictionId: String(field(restriction, 'id')) };
}

/** A correction request on a listed entry, as far along as `stage`. */
async function aCorrection(world: World, court: CourtKey, stage: 'pending' | 'rejected' | 'underReview') {
  const listed = await aListedEntry(world, court);
  const judge = `${court}.judge`;
  const filed = await world.call(
    judge,
    'POST',
    `/api/v1/credit/entries/${listed.entryId}/corrections`,
    { ground: 'wronglyListed', statement: '被执行人称不应纳入' },
    201,
  );
  const id = String(filed.body.id);
  if (stage !== 'pending') {
    const decision = { decision: 'rejected', reason: '理由不成立' };
    await world.call(judge, 'POST', `/api/v1/credit/corrections/${id}/decide`, decision, 200);
  }
  if (stage === 'underReview')
    await world.call(judge, 'POST', `/api/v1/credit/corrections/${id}/higher-review`, {}, 200);
  return { caseId: listed.caseId, params: { id } };
}

/** A consumption restriction of an organisation, binding its legal representative and one more person. */
async function anOrganisationRestriction(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court, [aCompany()]);
  const respondentId = onCase.c.respondents[0]?.id ?? '';
  serial += 1;
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/consumption-restrictions`,
    {
      respondentId,
      boundPersons: [
        {
          role: 'actualController',
          name: '王强',
          idNumber: makeIdNumber('330106', '1975-05-05', 100 + serial),
        },
      ],
    },
    201,
  );
  const restrictionId = String(res.body.id);
  const [bound] = await world.t.database.sql<{ id: string }[]>`
    select id from credit.restriction_subjects where restriction_id = ${restrictionId} and role = 'actualController'`;
  if (!bound) throw new Error('the bound person was not recorded');
  return { caseId: onCase.caseId, restrictionId, boundPersonId: bound.id };
}

const aReason = { reason: '依法作出决定的理由' };

/** Credit: listings and their decisions, corrections, restrictions, the public list, grid workers. */
export const creditFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/dishonest': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return { ...onCase, body: { respondentId: onCase.c.respondents[0]?.id, ground: 2, facts } };
    },
  },
  'POST /api/v1/cases/{id}/credit/no-ground': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        ...onCase,
        body: { respondentId: onCase.c.respondents[0]?.id, reason: '被执行人确无履行能力' },
      };
    },
  },
  'GET /api/v1/credit/entries/{id}/decision-preview': {
    build: async (world, court) => {
      const pending = await aPendingEntry(world, court);
      return { caseId: pending.caseId, params: { id: pending.entryId } };
    },
  },
  'POST /api/v1/credit/entries/{id}/approve': {
    build: async (world, court) => {
      const pending = await aPendingEntry(world, court);
      return { caseId: pending.caseId, params: { id: pending.entryId }, body: { graceMonths: 0 } };
    },
  },
  'POST /api/v1/credit/entries/{id}/refuse': {
    build: async (world, court) => {
      const pending = await aPendingEntry(world, court);
      return { caseId: pending.caseId, params: { id: pending.entryId }, body: aReason };
    },
  },
  'POST /api/v1/credit/entries/{id}/delist': {
    build: async (world, court) => {
      const listed = await aListedEntry(world, court);
      return {
        caseId: listed.caseId,
        params: { id: listed.entryId },
        body: { reason: '已全部履行', ground: 'fullyPerformed', occurredOn: clock.today() },
      };
    },
  },
  'POST /api/v1/credit/entries/{id}/revoke': {
    build: async (world, court) => {
      const listed = await aListedEntry(world, court);
      return { caseId: listed.caseId, params: { id: listed.entryId }, body: aReason };
    },
  },
  'POST /api/v1/credit/entries/{id}/corrections': {
    build: async (world, court) => {
      const listed = await aListedEntry(world, court);
      return {
        caseId: listed.caseId,
        params: { id: listed.entryId },
        body: { ground: 'wrongInformation', statement: '法定代表人记载错误', receivedOn: clock.today() },
      };
    },
  },
  'POST /api/v1/credit/corrections/{id}/decide': {
    build: async (world, court) => ({
      ...(await aCorrection(world, court, 'pending')),
      body: { decision: 'rejected', reason: '理由不成立', deletionGround: 'fullyPerformed' },
    }),
  },
  'POST /api/v1/credit/corrections/{id}/higher-review': {
    build: async (world, court) => ({
      ...(await aCorrection(world, court, 'rejected')),
      body: { requestedOn: clock.today() },
    }),
  },
  'POST /api/v1/credit/corrections/{id}/higher-decision': {
    build: async (world, court) => ({
      ...(await aCorrection(world, court, 'underReview')),
      body: { decision: 'rejected', reason: '复议理由不成立' },
      as: 'hz.president',
    }),
  },
  // An organisation's: every field of the body applies (bound persons, the person restricted).
  'POST /api/v1/cases/{id}/consumption-restrictions': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court, [aCompany()]);
      serial += 1;
      return {
        ...onCase,
        body: {
          respondentId: onCase.c.respondents[0]?.id,
          behaviours: [1, 2, 3],
          boundPersons: [
            { role: 'principal', name: '钱进', idNumber: makeIdNumber('330106', '1978-06-07', 500 + serial) },
          ],
        },
      };
    },
  },
  'POST /api/v1/cases/{id}/exit-restrictions': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court, [aCompany()]);
      serial += 1;
      return {
        ...onCase,
        body: {
          respondentId: onCase.c.respondents[0]?.id,
          authority: '杭州市公安局出入境管理局',
          person: { name: '孙立', idNumber: makeIdNumber('330106', '1970-02-03', 600 + serial) },
        },
      };
    },
  },
  'POST /api/v1/credit/restrictions/{id}/lift': {
    build: async (world, court) => {
      const listed = await aListedEntry(world, court);
      return {
        caseId: listed.caseId,
        params: { id: listed.restrictionId },
        body: { ground: 'performed', reason: '已履行全部义务' },
      };
    },
  },
  'POST /api/v1/credit/restrictions/{id}/persons': {
    build: async (world, court) => {
      const restricted = await anOrganisationRestriction(world, court);
      serial += 1;
      return {
        caseId: restricted.caseId,
        params: { id: restricted.restrictionId },
        body: {
          role: 'principal',
          name: '赵敏',
          idNumber: makeIdNumber('330106', '1982-03-04', 300 + serial),
        },
      };
    },
  },
  'POST /api/v1/credit/restricted-persons/{id}/release': {
    build: async (world, court) => {
      const restricted = await anOrganisationRestriction(world, court);
      return { caseId: restricted.caseId, params: { id: restricted.boundPersonId }, body: aReason };
    },
  },
  'POST /api/v1/credit/restricted-persons/{id}/spending-permissions': {
    build: async (world, court) => {
      const restricted = await anOrganisationRestriction(world, court);
      const today = clock.today();
      return {
        caseId: restricted.caseId,
        params: { id: restricted.boundPersonId },
        body: { behaviours: [1], validFrom: today, validUntil: today, reason: '就医' },
      };
    },
  },
  'POST /api/v1/credit/exit-restrictions/{id}/lift': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const res = await world.call(
        `${court}.judge`,
        'POST',
        `/api/v1/cases/${onCase.caseId}/exit-restrictions`,
        { respondentId: onCase.c.respondents[0]?.id },
        201,
      );
      return { caseId: onCase.caseId, params: { id: String(res.body.id) }, body: aReason };
    },
  },
  'GET /api/v1/public/dishonest': { build: async () => ({ query: { q: '张伟', page: '1' } }) },
  'GET /api/v1/public/consumption-restrictions': { build: async () => ({ query: { q: '张伟', page: '1' } }) },
  'POST /api/v1/credit/grid/inbox/read': { build: async () => ({ body: { seq: 0 } }) },
};
