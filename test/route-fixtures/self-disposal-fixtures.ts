import { openPortalSession, portalTokenHeader } from '../../src/modules/disclosure/index.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import { aSealedAsset } from './valuation-fixtures.ts';
import type { CourtKey, World } from './world.ts';

/**
 * The good-faith measures (善意文明执行意见): a case with a flat of its respondent sealed (as
 * inquiry records one), the respondent holding a portal session (opened directly), its application
 * to sell the flat itself, and the judge's self-disposal of it. Every optional field is filled, so
 * that each can be made wrong in turn.
 */
async function onSealedPortal(world: World, court: CourtKey) {
  const sealed = await aSealedAsset(world, court);
  const respondentPartyId = sealed.c.respondents[0]?.id;
  if (!respondentPartyId) throw new Error('the fixture case has no respondent');
  const [respondent] = await world.t.database.sql<{ identifier: string; name: string }[]>`
    select coalesce(id_number, credit_code) as identifier, name from cases.parties where id = ${respondentPartyId}`;
  if (!respondent) throw new Error('the fixture respondent is not on record');
  const { token } = await openPortalSession(world.t.database.db, {
    kind: 'party',
    subjectId: respondent.identifier,
    name: respondent.name,
  });
  return { ...sealed, headers: { [portalTokenHeader]: token } };
}

function anApplicationBody(assetId: string) {
  return {
    assetId,
    proposedPriceFen: 300_000_000,
    buyer: '王五',
    note: '已找到买受人，愿以不低于评估价的价格出售，价款直接交法院。',
  };
}

async function anApplication(world: World, court: CourtKey) {
  const onPortal = await onSealedPortal(world, court);
  const res = await world.t.request(
    'POST',
    `/api/v1/party/cases/${onPortal.caseId}/self-disposal-applications`,
    { headers: onPortal.headers, body: anApplicationBody(onPortal.assetId) },
  );
  if (res.status !== 201) throw new Error(`an application: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...onPortal, applicationId: String(res.body.id) };
}

/** 60 days: the longest period the court may set (善意文明执行意见). */
function aSelfDisposalBody(assetId: string, applicationId: string) {
  return { assetId, days: 60, lowestPriceFen: 280_000_000, applicationId };
}

async function aSelfDisposal(world: World, court: CourtKey) {
  const applied = await anApplication(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${applied.caseId}/self-disposals`,
    aSelfDisposalBody(applied.assetId, applied.applicationId),
    201,
  );
  return { caseId: applied.caseId, selfDisposalId: String(res.body.id) };
}

const consent = { applicantConsent: true, reviewNote: '申请执行人书面同意，担保足额。' };

export const selfDisposalFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/self-disposals': {
    build: async (world, court) => {
      const applied = await anApplication(world, court);
      return {
        caseId: applied.caseId,
        params: applied.params,
        body: aSelfDisposalBody(applied.assetId, applied.applicationId),
      };
    },
  },
  'GET /api/v1/cases/{id}/self-disposals': {
    build: async (world, court) => {
      const sd = await aSelfDisposal(world, court);
      return { caseId: sd.caseId, params: { id: sd.caseId } };
    },
  },
  'POST /api/v1/self-disposals/{id}/sale': {
    build: async (world, court) => {
      const sd = await aSelfDisposal(world, court);
      return {
        caseId: sd.caseId,
        params: { id: sd.selfDisposalId },
        body: { buyerName: '王五', priceFen: 290_000_000 },
      };
    },
  },
  'POST /api/v1/cases/{id}/seal-substitutions': {
    build: async (world, court) => {
      const sealed = await aSealedAsset(world, court);
      return {
        caseId: sealed.caseId,
        params: sealed.params,
        body: {
          assetId: sealed.assetId,
          security: {
            kind: 'guarantee',
            description: '中国工商银行出具的不可撤销保函',
            amountFen: 300_000_000,
          },
          ...consent,
        },
      };
    },
  },
  'POST /api/v1/cases/{id}/sealed-financings': {
    build: async (world, court) => {
      const sealed = await aSealedAsset(world, court);
      return {
        caseId: sealed.caseId,
        params: sealed.params,
        body: { assetId: sealed.assetId, lender: '杭州银行西湖支行', amountFen: 100_000_000, ...consent },
      };
    },
  },
  'POST /api/v1/party/cases/{id}/self-disposal-applications': {
    build: async (world, court) => {
      const onPortal = await onSealedPortal(world, court);
      return {
        params: onPortal.params,
        headers: onPortal.headers,
        body: anApplicationBody(onPortal.assetId),
      };
    },
  },
};
