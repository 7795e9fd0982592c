import { openPortalSession, portalTokenHeader } from '../../src/modules/disclosure/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { aCompany } from '../factories.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * Changing and adding respondents (变更追加): a case of the court with the applicant's application
 * to add an unpaid-capital shareholder entered by its judge (or filed by its applicant on the
 * party portal) and, where the route needs it, the hearing recorded.
 */
function anApplication() {
  const { kind, name, creditCode } = aCompany();
  return {
    ground: 'unpaidCapital',
    party: { kind, name, creditCode },
    limitFen: 500_000,
    facts: '被执行人股东认缴出资500万元未实缴，申请追加其在未缴出资范围内承担责任。',
  };
}

async function anAddition(world: World, court: CourtKey, opts: { isHeard: boolean }) {
  const onCase = await onNewCase(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/respondent-additions`,
    anApplication(),
    201,
  );
  const id = String(res.body.id);
  if (opts.isHeard) {
    await world.call(
      `${court}.judge`,
      'POST',
      `/api/v1/respondent-additions/${id}/hearing`,
      { heldOn: clock.today(), record: '公开听证，被申请人到庭陈述意见。' },
      201,
    );
  }
  return { caseId: onCase.caseId, params: { id } };
}

/** A case and a party-portal session of its applicant (a company, signed in by its credit code). */
async function onApplicantPortal(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const [applicant] = await world.t.database.sql<{ identifier: string; name: string }[]>`
    select coalesce(id_number, credit_code) as identifier, name from cases.parties
    where case_id = ${onCase.caseId} and role = 'applicant' order by position limit 1`;
  if (!applicant) throw new Error('the fixture case has no applicant');
  const { token } = await openPortalSession(world.t.database.db, {
    kind: 'party',
    subjectId: applicant.identifier,
    name: applicant.name,
  });
  return { params: { id: onCase.caseId }, headers: { [portalTokenHeader]: token } };
}

export const additionsFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/respondent-additions': {
    build: async (world, court) => ({ ...(await onNewCase(world, court)), body: anApplication() }),
  },
  'POST /api/v1/party/cases/{id}/respondent-additions': {
    build: async (world, court) => ({ ...(await onApplicantPortal(world, court)), body: anApplication() }),
  },
  'GET /api/v1/cases/{id}/respondent-additions': {
    build: async (world, court) => {
      const a = await anAddition(world, court, { isHeard: true });
      return { caseId: a.caseId, params: { id: a.caseId } };
    },
  },
  'POST /api/v1/respondent-additions/{id}/hearing': {
    build: async (world, court) => ({
      ...(await anAddition(world, court, { isHeard: false })),
      body: { heldOn: clock.today(), record: '公开听证，双方到庭质证。', isWaived: false },
    }),
  },
  'POST /api/v1/respondent-additions/{id}/extension': {
    build: async (world, court) => ({
      ...(await anAddition(world, court, { isHeard: false })),
      body: { days: 30, reason: '案情复杂，需进一步核实出资情况。' },
    }),
  },
  'POST /api/v1/respondent-additions/{id}/rule': {
    build: async (world, court) => ({
      ...(await anAddition(world, court, { isHeard: true })),
      body: { decision: 'add', reasons: '被申请人未缴纳出资，理由成立。' },
    }),
  },
};
