import { randomUUID } from 'node:crypto';
import { clock } from '../../src/platform/clock.ts';
import { aCaseBody, aCompany, aPerson } from '../factories.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import { type CourtKey, institutionCode, type World } from './world.ts';

/**
 * Judicial aid, execution to bankruptcy and the special-case list. Aid needs a case whose
 * applicant is a person (the factory's is a company). A referral needs a company respondent that
 * meets the criteria: a second case against the same company, and an online inquiry of the case
 * that found nothing — arranged directly as an answered query of the world's institution (running
 * the inquiry is test/inquiry-*'s business).
 */
async function onPersonApplicantCase(world: World, court: CourtKey) {
  const filed = await world.call(
    `${court}.judge`,
    'POST',
    '/api/v1/cases',
    aCaseBody({ applicants: [aPerson()], respondents: [aPerson()] }),
    201,
  );
  const c = await world.caseFacts(String(filed.body.id));
  const applicantPartyId = c.applicants[0]?.id;
  if (!applicantPartyId) throw new Error('the fixture case has no applicant');
  return { caseId: c.id, applicantPartyId };
}

function anAidBody(applicantPartyId: string) {
  return {
    applicantPartyId,
    reason: '被执行人无财产可供执行，申请执行人因工伤丧失劳动能力。',
    hardshipFacts: '家庭三口人，无固定收入，社区出具生活困难证明。',
    requestedAmountFen: 5_000_000,
  };
}

async function anAid(world: World, court: CourtKey) {
  const onCase = await onPersonApplicantCase(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/judicial-aid`,
    anAidBody(onCase.applicantPartyId),
    201,
  );
  return { caseId: onCase.caseId, params: { id: String(res.body.id) } };
}

async function anApprovedAid(world: World, court: CourtKey) {
  const aid = await anAid(world, court);
  await world.call(
    `${court}.president`,
    'POST',
    `/api/v1/judicial-aid/${aid.params.id}/decide`,
    { decision: 'approve', amountFen: 1_000_000, reason: '符合救助条件。' },
    200,
  );
  return aid;
}

/** A case against a company the criteria of 执转破 hold for. */
async function onReferrableCase(world: World, court: CourtKey) {
  const company = aCompany();
  const onCase = await onNewCase(world, court, [company]);
  await world.fileCase(court, [company]);
  const respondentPartyId = onCase.c.respondents[0]?.id;
  const applicantPartyId = onCase.c.applicants[0]?.id;
  if (!respondentPartyId || !applicantPartyId) throw new Error('the fixture case lacks its parties');
  await world.t.database.sql`insert into inquiry.requests (id, case_id, court_id, respondent_party_id,
      institution, operation, body, state, answered_at)
    values (${randomUUID()}, ${onCase.caseId}, ${onCase.c.courtId}, ${respondentPartyId}, ${institutionCode},
      'query', '{}'::jsonb, 'answered', now())`;
  return { ...onCase, respondentPartyId, applicantPartyId };
}

function aReferralBody(respondentPartyId: string, consentingPartyId: string) {
  return {
    respondentPartyId,
    consentingPartyId,
    consentedOn: clock.today(),
    insolvencyFacts: '网络查控未发现财产，被执行人另有多起执行案件未能执结。',
    receivingCourtName: '杭州市中级人民法院',
  };
}

async function aReferral(world: World, court: CourtKey) {
  const onCase = await onReferrableCase(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/bankruptcy-referral`,
    aReferralBody(onCase.respondentPartyId, onCase.applicantPartyId),
    201,
  );
  return { caseId: onCase.caseId, params: { id: String(res.body.id) } };
}

export const aidFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/cases/{id}/bankruptcy-referral': { build: (world, court) => onNewCase(world, court) },
  'POST /api/v1/cases/{id}/bankruptcy-referral': {
    build: async (world, court) => {
      const onCase = await onReferrableCase(world, court);
      return {
        caseId: onCase.caseId,
        params: onCase.params,
        body: aReferralBody(onCase.respondentPartyId, onCase.applicantPartyId),
      };
    },
  },
  'GET /api/v1/bankruptcy-referrals/{id}/package': { build: (world, court) => aReferral(world, court) },
  'POST /api/v1/bankruptcy-referrals/{id}/outcome': {
    build: async (world, court) => ({
      ...(await aReferral(world, court)),
      body: {
        outcome: 'refused',
        ruledOn: clock.today(),
        rulingNumber: '（2026）浙01破申1号',
        note: '被执行人不符合破产受理条件。',
      },
    }),
  },
  'POST /api/v1/cases/{id}/judicial-aid': {
    build: async (world, court) => {
      const onCase = await onPersonApplicantCase(world, court);
      return {
        caseId: onCase.caseId,
        params: { id: onCase.caseId },
        body: anAidBody(onCase.applicantPartyId),
      };
    },
  },
  'GET /api/v1/cases/{id}/judicial-aid': {
    build: async (world, court) => {
      const aid = await anAid(world, court);
      return { caseId: aid.caseId, params: { id: aid.caseId } };
    },
  },
  'POST /api/v1/judicial-aid/{id}/decide': {
    build: async (world, court) => ({
      ...(await anAid(world, court)),
      body: { decision: 'approve', amountFen: 2_000_000, reason: '申请执行人生活困难，符合救助条件。' },
    }),
  },
  'POST /api/v1/judicial-aid/{id}/payment': {
    build: async (world, court) => ({
      ...(await anApprovedAid(world, court)),
      body: { paidOn: clock.today(), bankReference: 'SFJZ2026000123', note: '救助金已转入申请执行人账户' },
    }),
  },
  'PUT /api/v1/judicial-aid/monthly-wage': {
    build: async () => ({
      body: { year: Number(clock.today().slice(0, 4)) - 1, monthlyWageFen: 950_000 },
    }),
  },
  'GET /api/v1/cases/special': { build: async () => ({ query: { kind: 'livelihood' } }) },
};
