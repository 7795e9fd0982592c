import { addCalendarDays } from '../../src/kernel/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture, ValidRequest } from './types.ts';
import type { CourtKey, World } from './world.ts';

/** The demo courts' codes (法院代字), as the command centre's routes name them. */
const courtCodes: Record<CourtKey, string> = { xihu: '浙0106', shangcheng: '浙0102', haishu: '浙0203' };
/** Where each court entrusts a matter: another basic court. */
const receivingCourt: Record<CourtKey, CourtKey> = { xihu: 'haishu', shangcheng: 'haishu', haishu: 'xihu' };
/** A command centre above each court, which may open a supervision or register a petition. */
const centreAbove: Record<CourtKey, string> = {
  xihu: 'hz.command',
  shangcheng: 'hz.command',
  haishu: 'zj.command',
};

const dueDate = () => addCalendarDays(clock.today(), 10);

function onCourt(world: World, court: CourtKey, query: Record<string, string> = {}): ValidRequest {
  return { query: { court: courtCodes[court], ...query }, courtId: world.courtId(court) };
}

function idOf(body: Record<string, unknown>): string {
  const id = body.id;
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(body)}`);
  return id;
}

async function aSupervision(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const opened = await world.call(
    centreAbove[court],
    'POST',
    '/api/v1/command/supervisions',
    { caseId: onCase.caseId, demands: '请报告执行进展', dueDate: dueDate() },
    201,
  );
  return { ...onCase, params: { id: idOf(opened.body) } };
}

async function anEntrustment(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const to = receivingCourt[court];
  const sent = await world.call(
    `${court}.judge`,
    'POST',
    '/api/v1/command/entrustments',
    {
      caseId: onCase.caseId,
      toCourt: courtCodes[to],
      matter: 'seal',
      details: '查封不动产一处',
      dueDate: dueDate(),
    },
    201,
  );
  return { onCase, to, id: idOf(sent.body) };
}

/** A coordination case reported by `court`'s judge against the other court; coordinated by 浙 (above both). */
async function aCoordination(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const other = receivingCourt[court];
  const reported = await world.call(
    `${court}.judge`,
    'POST',
    '/api/v1/command/coordinations',
    { caseId: onCase.caseId, otherCourt: courtCodes[other], issue: '轮候查封顺序争议' },
    201,
  );
  return { id: idOf(reported.body), from: onCase.c.courtId, other: world.courtId(other) };
}

/** Everyone whose scope covers the sending or the receiving court: the two sides of an entrustment. */
function sidesOf(world: World, fromCourtId: string, toCourtId: string): string[] {
  const lines = [...world.courtLine(fromCourtId), ...world.courtLine(toCourtId)];
  return world.principals
    .filter((p) => p.kind === 'user' && p.userId !== null && p.courtId !== null && lines.includes(p.courtId))
    .filter((p) => p.roles.some((role) => role !== 'gridWorker' && role !== 'procurator'))
    .flatMap((p) => (p.userId ? [p.userId] : []));
}

/** The command centre: indicators, supervision, entrustment, petitions, 终本 reviews. */
export const commandFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/command/indicators': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/indicators/trend': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/indicators/{code}/failing': {
    build: async (world, court) => ({ ...onCourt(world, court), params: { code: 'assetCasesConcluded' } }),
  },
  'GET /api/v1/command/live': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/supervisions': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/entrustments': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/petitions': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/warnings': { build: async (world, court) => onCourt(world, court, { level: 'red' }) },
  'PUT /api/v1/command/settings': {
    build: async (world, court) => ({
      courtId: world.courtId(court),
      namedBy: 'court',
      body: { court: courtCodes[court], passiveDays: 20 },
    }),
  },
  'GET /api/v1/command/coordinations': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/interviews': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/cross-region-filings': { build: async (world, court) => onCourt(world, court) },
  'GET /api/v1/command/statistics/monthly': {
    build: async (world, court) => onCourt(world, court, { month: clock.today().slice(0, 7) }),
  },
  'POST /api/v1/command/coordinations': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: {
          caseId: onCase.caseId,
          otherCourt: courtCodes[receivingCourt[court]],
          issue: '两院对同一房产先后查封，处分权存在争议',
        },
      };
    },
  },
  'GET /api/v1/command/coordinations/{id}': {
    build: async (world, court) => {
      const c = await aCoordination(world, court);
      return { params: { id: c.id }, addressees: sidesOf(world, c.from, c.other) };
    },
  },
  'POST /api/v1/command/coordinations/{id}/entries': {
    build: async (world, court) => {
      const c = await aCoordination(world, court);
      return {
        params: { id: c.id },
        addressees: sidesOf(world, c.from, c.other),
        body: { kind: 'evidence', text: '我院查封在先，附查封裁定', documents: [{ name: '查封裁定书' }] },
      };
    },
  },
  'POST /api/v1/command/coordinations/{id}/decide': {
    build: async (world, court) => {
      const c = await aCoordination(world, court);
      return {
        params: { id: c.id },
        courtId: world.courtId('zj'),
        body: { decision: '由首先查封法院负责处分' },
      };
    },
  },
  'POST /api/v1/command/interviews': {
    build: async (world, court) => ({
      courtId: world.courtId(court),
      namedBy: 'court',
      body: {
        court: courtCodes[court],
        reason: '终本合格率偏低',
        participants: '院长、执行局长',
        record: '已提出整改要求',
      },
    }),
  },
  'POST /api/v1/command/cross-region-filings': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: {
          caseId: onCase.caseId,
          localCourt: courtCodes[receivingCourt[court]],
          plannedFrom: clock.today(),
          plannedTo: dueDate(),
          measures: '查封被执行人房产',
          officers: '执行法官、法官助理、司法警察',
        },
      };
    },
  },
  'GET /api/v1/command/cases/{id}': { build: (world, court) => onNewCase(world, court) },
  'POST /api/v1/command/supervisions': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: { caseId: onCase.caseId, demands: '请于十日内报告', dueDate: dueDate() },
      };
    },
  },
  'POST /api/v1/command/supervisions/{id}/reports': {
    build: async (world, court) => ({
      ...(await aSupervision(world, court)),
      body: { text: '已查封被执行人房产一处' },
    }),
  },
  'POST /api/v1/command/entrustments': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: {
          caseId: onCase.caseId,
          toCourt: courtCodes[receivingCourt[court]],
          matter: 'serve',
          details: '送达执行通知书',
          dueDate: dueDate(),
          documents: [{ name: '执行通知书' }],
        },
      };
    },
  },
  'GET /api/v1/command/entrustments/{id}': {
    build: async (world, court) => {
      const e = await anEntrustment(world, court);
      return { params: { id: e.id }, addressees: sidesOf(world, e.onCase.c.courtId, world.courtId(e.to)) };
    },
  },
  'POST /api/v1/command/entrustments/{id}/accept': {
    build: async (world, court) => {
      const e = await anEntrustment(world, court);
      return { params: { id: e.id }, courtId: world.courtId(e.to) };
    },
  },
  'POST /api/v1/command/entrustments/{id}/complete': {
    build: async (world, court) => {
      const e = await anEntrustment(world, court);
      await world.call(
        `${e.to}.judge`,
        'POST',
        `/api/v1/command/entrustments/${e.id}/accept`,
        undefined,
        200,
      );
      return {
        params: { id: e.id },
        courtId: world.courtId(e.to),
        body: { result: '已查封', receipts: [{ name: '查封回执' }] },
      };
    },
  },
  'POST /api/v1/command/petitions': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: { caseId: onCase.caseId, petitioner: '申请执行人', summary: '反映执行进展缓慢' },
      };
    },
  },
  'POST /api/v1/command/petitions/{id}/conclude': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const registered = await world.call(
        centreAbove[court],
        'POST',
        '/api/v1/command/petitions',
        { caseId: onCase.caseId, petitioner: '申请执行人', summary: '反映执行进展缓慢' },
        201,
      );
      return {
        caseId: onCase.caseId,
        params: { id: idOf(registered.body) },
        body: { resolution: '已答复并制定执行计划' },
      };
    },
  },
  'POST /api/v1/command/termination-reviews': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      // Closed as 终本 (its checklist is the cases module's concern), made directly.
      await world.t.database
        .sql`update cases.cases set status = 'closed', closing_type = 'terminatedThisRound',
        closing_reason = '无可供执行财产', closed_on = filed_on where id = ${onCase.caseId}`;
      return {
        caseId: onCase.caseId,
        namedBy: 'caseId',
        body: { caseId: onCase.caseId, item: 'propertyInvestigationExhausted', finding: '未核查车辆线索' },
      };
    },
  },
};
