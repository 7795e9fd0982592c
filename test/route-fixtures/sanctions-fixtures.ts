import { addCalendarDays } from '../../src/kernel/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * Sanctions (罚款、拘留、拒执罪移送): a case of the court with a sanction proposed by its judge and,
 * where the route needs it, approved by the court's leader; a detention's admission by public
 * security is arranged directly (public security's answer is test/procedures-sanctions.test.ts's
 * business, against the simulator).
 */
let acts = 0;
function anAct() {
  acts += 1;
  return { description: `拒不履行生效判决（第${acts}项）。`, occurredOn: clock.today() };
}

function bodyOf(kind: 'fine' | 'detention' | 'refusalReferral', partyId: string) {
  if (kind === 'fine') return { kind, partyId, act: anAct(), amountFen: 200_000 };
  if (kind === 'detention') return { kind, partyId, act: anAct(), days: 15, place: '杭州市拘留所' };
  return { kind, partyId, act: anAct() };
}

async function aSanction(
  world: World,
  court: CourtKey,
  kind: 'fine' | 'detention' | 'refusalReferral',
  opts: { isApproved: boolean },
) {
  const onCase = await onNewCase(world, court);
  const partyId = onCase.c.respondents[0]?.id;
  if (!partyId) throw new Error('the fixture case has no respondent');
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/sanctions`,
    bodyOf(kind, partyId),
    201,
  );
  const id = String(res.body.id);
  if (opts.isApproved) {
    await world.call(
      `${court}.president`,
      'POST',
      `/api/v1/sanctions/${id}/approve`,
      { decision: 'approve' },
      200,
    );
  }
  return { caseId: onCase.caseId, params: { id } };
}

/** A detention approved and, as public security would answer, admitted today for 15 days. */
async function anAdmittedDetention(world: World, court: CourtKey) {
  const s = await aSanction(world, court, 'detention', { isApproved: true });
  const today = clock.today();
  const endOn = addCalendarDays(today, 14);
  const sql = world.t.database.sql;
  await sql`update procedures.sanctions set custody_state = 'admitted', custody_place = '杭州市拘留所',
    custody_start_on = ${today}::date, custody_end_on = ${endOn}::date where id = ${s.params.id}`;
  const answer = {
    status: 'admitted',
    kind: 'detention',
    place: '杭州市拘留所',
    startDate: today,
    endDate: endOn,
  };
  await sql`update procedures.police_requests set state = 'answered', answer = ${JSON.stringify(answer)}::jsonb,
    answered_at = now() where sanction_id = ${s.params.id}`;
  return s;
}

export const sanctionsFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/sanctions': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const partyId = onCase.c.respondents[0]?.id;
      if (!partyId) throw new Error('the fixture case has no respondent');
      return { ...onCase, body: bodyOf('fine', partyId) };
    },
  },
  'GET /api/v1/cases/{id}/sanctions': {
    build: async (world, court) => {
      const s = await aSanction(world, court, 'fine', { isApproved: true });
      return { caseId: s.caseId, params: { id: s.caseId } };
    },
  },
  'POST /api/v1/sanctions/{id}/approve': {
    build: async (world, court) => ({
      ...(await aSanction(world, court, 'fine', { isApproved: false })),
      body: { decision: 'approve', note: '经审查，同意罚款。' },
    }),
  },
  'POST /api/v1/sanctions/{id}/release': {
    build: async (world, court) => ({
      ...(await anAdmittedDetention(world, court)),
      body: { note: '被拘留人认错悔改，具结悔过。' },
    }),
  },
  'POST /api/v1/sanctions/{id}/review': {
    build: async (world, court) => ({
      ...(await aSanction(world, court, 'fine', { isApproved: true })),
      body: { receivedOn: clock.today(), note: '被罚款人不服，申请复议。' },
    }),
  },
  'POST /api/v1/sanctions/{id}/review/decision': {
    build: async (world, court) => {
      const s = await aSanction(world, court, 'fine', { isApproved: true });
      await world.call(
        `${court}.judge`,
        'POST',
        `/api/v1/sanctions/${s.params.id}/review`,
        { receivedOn: clock.today() },
        201,
      );
      return { ...s, body: { outcome: 'upheld', note: '原决定认定事实清楚。' } };
    },
  },
  'POST /api/v1/sanctions/{id}/payments': {
    build: async (world, court) => ({
      ...(await aSanction(world, court, 'fine', { isApproved: true })),
      body: { paidOn: clock.today(), amountFen: 50_000, note: '非税收入缴款书 No.0001' },
    }),
  },
  'POST /api/v1/sanctions/{id}/referral-reply': {
    build: async (world, court) => ({
      ...(await aSanction(world, court, 'refusalReferral', { isApproved: true })),
      body: { outcome: 'accepted', repliedOn: clock.today(), note: '公安机关已立案侦查。' },
    }),
  },
};
