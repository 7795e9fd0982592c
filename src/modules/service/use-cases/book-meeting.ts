import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, listUsersByIds } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import type { TBookMeeting, TMeeting } from '../contracts.ts';
import { checkMeetingDay } from '../rules/meeting-day.ts';
import { meetings } from '../tables.ts';
import { openCaseOfVisit } from './receive-materials.ts';
import { auditActor, loadVisit } from './visit-store.ts';

const slotNames = { am: '上午', pm: '下午' } as const;
const roleNames = {
  applicant: '申请执行人',
  respondent: '被执行人',
  agent: '代理人',
  lawyer: '律师',
  other: '来访人',
} as const;

/**
 * 预约法官: a meeting of the visitor with the case judge on a working day, half a day at a time. The
 * judge finds it as a message in their inbox (a to-do), sent once.
 */
export async function bookMeeting(
  db: Db,
  actor: Actor,
  visitId: string,
  input: TBookMeeting,
): Promise<TMeeting> {
  const day = checkMeetingDay(input.on, clock.today());
  if (!day.ok) throw invalidField('on', day.reason.zh, day.reason.en);
  return db.transaction(async (tx) => {
    const visit = await loadVisit(tx, actor, visitId, { forUpdate: true });
    const c = await openCaseOfVisit(tx, actor, visit);
    const judgeId = c.team.judgeId;
    const [judge] = judgeId ? await listUsersByIds(tx, [judgeId]) : [];
    if (!judgeId || !judge) {
      throw new AppError(ErrorCode.conflict, bi('案件尚无承办法官', 'The case has no judge to meet'));
    }
    const [taken] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(eq(meetings.visitId, visit.id), eq(meetings.meetingOn, input.on), eq(meetings.slot, input.slot)),
      );
    if (taken) {
      throw new AppError(
        ErrorCode.conflict,
        bi('本次来访已预约该时段', 'This visit already has a meeting then'),
      );
    }
    const id = randomUUID();
    const now = clock.now();
    const note = input.note ?? '';
    await tx.insert(meetings).values({
      id,
      visitId: visit.id,
      courtId: visit.courtId,
      caseId: c.id,
      caseNumber: c.caseNumber,
      judgeId,
      judgeName: judge.displayName,
      meetingOn: input.on,
      slot: input.slot,
      note,
      bookedAt: now,
      bookedBy: actor.userId,
      bookedByName: actor.displayName,
    });
    await queueInApp(tx, {
      dedupeKey: `service.meeting:${id}`,
      userIds: [judgeId],
      title: `约见：${c.caseNumber} ${input.on}${slotNames[input.slot]}`,
      body: `${roleNames[visit.visitorRole]}${visit.visitorName}约见您：${input.on}${slotNames[input.slot]}，案号${c.caseNumber}。${note ? `事由：${note}。` : ''}（执行事务中心${actor.displayName}登记）`,
      kind: 'service.meeting',
      caseId: c.id,
      courtId: c.courtId,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'service.meeting.book',
      objectType: 'case',
      objectId: c.id,
      detail: { visitId: visit.id, meetingId: id, on: input.on, slot: input.slot, judgeId },
    });
    return {
      id,
      visitId: visit.id,
      caseId: c.id,
      caseNumber: c.caseNumber,
      on: input.on,
      slot: input.slot,
      judgeId,
      judgeName: judge.displayName,
      note,
      bookedAt: now.toISOString(),
    };
  });
}
