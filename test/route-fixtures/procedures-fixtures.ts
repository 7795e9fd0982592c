import { addCalendarDays } from '../../src/kernel/index.ts';
import { openPortalSession, portalTokenHeader } from '../../src/modules/disclosure/index.ts';
import { openReportObligations } from '../../src/modules/procedures/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * Settlements and property reports: a case of the court with a settlement recorded by its judge,
 * and a case whose property report order has opened the respondent's obligation (opened directly:
 * delivering the node's event is test/procedures-property-report.test.ts's business), with the
 * respondent holding a portal session.
 */
function aSettlementBody() {
  const today = clock.today();
  return {
    terms: '被执行人分两期支付全部款项。',
    instalments: [
      { dueDate: addCalendarDays(today, 10), amountFen: 100_000 },
      { dueDate: addCalendarDays(today, 40), amountFen: 200_000 },
    ],
  };
}

async function aSettlement(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/settlements`,
    aSettlementBody(),
    201,
  );
  return { caseId: onCase.caseId, params: { id: String(res.body.id) } };
}

async function onReportCase(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const today = clock.today();
  const node = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/nodes`,
    { kind: 'propertyReportOrderIssued', occurredOn: today },
    201,
  );
  await openReportObligations(world.t.database.db, {
    caseId: onCase.caseId,
    nodeId: String(node.body.id),
    kind: 'propertyReportOrderIssued',
    occurredOn: today,
  });
  const respondentPartyId = onCase.c.respondents[0]?.id;
  if (!respondentPartyId) throw new Error('the fixture case has no respondent');
  return { ...onCase, respondentPartyId };
}

async function onReportPortal(world: World, court: CourtKey) {
  const onCase = await onReportCase(world, court);
  const [respondent] = await world.t.database.sql<{ identifier: string; name: string }[]>`
    select coalesce(id_number, credit_code) as identifier, name from cases.parties
    where id = ${onCase.respondentPartyId}`;
  if (!respondent) throw new Error('the fixture respondent is not on record');
  const { token } = await openPortalSession(world.t.database.db, {
    kind: 'party',
    subjectId: respondent.identifier,
    name: respondent.name,
  });
  return { ...onCase, params: { id: onCase.caseId }, headers: { [portalTokenHeader]: token } };
}

// Every optional field filled, so that each can be made wrong in turn.
function aReportBody() {
  return {
    items: [
      {
        kind: 'deposit',
        description: '工资卡活期存款',
        institution: '中国工商银行',
        identifier: '6222020000001234',
        valueFen: 1_200_000,
        changedOn: addCalendarDays(clock.today(), -20),
      },
    ],
    changesSinceOneYearBefore: '一年内未转让财产。',
    isDeclaredTrue: true,
  };
}

export const proceduresFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/settlements': {
    build: async (world, court) => ({ ...(await onNewCase(world, court)), body: aSettlementBody() }),
  },
  'GET /api/v1/cases/{id}/settlements': {
    build: async (world, court) => {
      const s = await aSettlement(world, court);
      return { caseId: s.caseId, params: { id: s.caseId } };
    },
  },
  'GET /api/v1/settlements/{id}': { build: (world, court) => aSettlement(world, court) },
  'POST /api/v1/settlements/{id}/default': {
    build: async (world, court) => ({
      ...(await aSettlement(world, court)),
      body: { note: '被执行人明确表示不再履行。' },
    }),
  },
  'POST /api/v1/settlements/{id}/payments': {
    build: async (world, court) => ({
      ...(await aSettlement(world, court)),
      body: { paidOn: clock.today(), amountFen: 50_000, note: '申请执行人确认收到' },
    }),
  },
  'GET /api/v1/cases/{id}/property-reports': {
    build: async (world, court) => {
      const onCase = await onReportCase(world, court);
      return { caseId: onCase.caseId, params: onCase.params };
    },
  },
  'POST /api/v1/cases/{id}/property-reports': {
    build: async (world, court) => {
      const onCase = await onReportCase(world, court);
      return {
        caseId: onCase.caseId,
        params: onCase.params,
        body: { respondentPartyId: onCase.respondentPartyId, ...aReportBody() },
      };
    },
  },
  'POST /api/v1/cases/{id}/property-reports/refusals': {
    build: async (world, court) => {
      const onCase = await onReportCase(world, court);
      return {
        caseId: onCase.caseId,
        params: onCase.params,
        body: { respondentPartyId: onCase.respondentPartyId, note: '被执行人当庭表示拒绝报告。' },
      };
    },
  },
  'GET /api/v1/party/cases/{id}/property-report': {
    build: async (world, court) => {
      const onPortal = await onReportPortal(world, court);
      return { params: onPortal.params, headers: onPortal.headers };
    },
  },
  'POST /api/v1/party/cases/{id}/property-report': {
    build: async (world, court) => {
      const onPortal = await onReportPortal(world, court);
      return { params: onPortal.params, headers: onPortal.headers, body: aReportBody() };
    },
  },
};
