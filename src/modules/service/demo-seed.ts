import { addCalendarDays, addWorkingDays } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { loadCaseContext, seatsOfPerson } from '../cases/index.ts';
import { demoApplicant } from '../disclosure/index.ts';
import { type Actor, loadActorByUsername } from '../identity/index.ts';
import { bookMeeting } from './use-cases/book-meeting.ts';
import { closeVisit } from './use-cases/close-visit.ts';
import {
  answerDeputyProposal,
  assignDeputyProposal,
  registerDeputyProposal,
} from './use-cases/deputy-proposals.ts';
import { receiveMaterials } from './use-cases/receive-materials.ts';
import { registerVisit } from './use-cases/register-visit.ts';

/** 刘芳's open case at 西湖, which she follows in the portal (disclosure's demo). */
async function openCaseOfApplicant(db: Db, clerk: Actor): Promise<string | null> {
  for (const seat of await seatsOfPerson(db, demoApplicant.idNumber)) {
    const c = await loadCaseContext(db, clerk, seat.caseId).catch(() => null);
    if (c && c.status !== 'closed') return c.caseNumber;
  }
  return null;
}

/**
 * The demo's service window at 西湖: this morning 刘芳 brought asset leads for her case (a receipt and
 * a step on its timeline) and booked a meeting with her judge; a citizen asked how to apply. And two
 * deputies' matters: one answered and published on the portal, one waiting for its reply.
 */
export async function seedServiceDemo(ctx: DemoSeedContext): Promise<void> {
  const db: Db = ctx.database.db;
  const [clerk, president, judge] = await Promise.all([
    loadActorByUsername(db, 'xihu.clerk'),
    loadActorByUsername(db, 'xihu.president'),
    loadActorByUsername(db, 'xihu.judge'),
  ]);
  if (!clerk || !president || !judge) return;
  const caseNumber = await openCaseOfApplicant(db, clerk);
  if (caseNumber) {
    const visit = await registerVisit(db, clerk, {
      visitor: {
        name: demoApplicant.name,
        idNumber: demoApplicant.idNumber,
        phone: demoApplicant.phone,
        role: 'applicant',
      },
      purpose: 'materials',
      caseNumber,
      note: '提交被执行人名下车辆线索',
    });
    await receiveMaterials(db, clerk, visit.id, {
      items: [
        { title: '财产线索材料（车辆登记信息）', pages: 3 },
        { title: '申请执行人身份证复印件', pages: 1 },
      ],
    });
    await bookMeeting(db, clerk, visit.id, {
      on: addWorkingDays(ctx.today, 1),
      slot: 'am',
      note: '当面说明车辆下落',
    });
    await closeVisit(db, clerk, visit.id);
  }
  await registerVisit(db, clerk, {
    visitor: { name: '陈晓明', role: 'other' },
    purpose: 'consultation',
    note: '咨询如何申请强制执行',
  });

  const answered = await registerDeputyProposal(db, president, {
    kind: 'deputySuggestion',
    number: `${ctx.today.slice(0, 4)}-执-017`,
    proposer: '周建华',
    title: '关于进一步规范执行款发放时限的建议',
    content: '建议法院执行款到账后及时通知申请执行人，并在法定期限内完成发放，公开发放进度。',
    receivedOn: addCalendarDays(ctx.today, -40),
  });
  await assignDeputyProposal(db, president, answered.id, { userId: judge.userId });
  await answerDeputyProposal(db, judge, answered.id, {
    reply:
      '感谢您的建议。本院已实行一案一账号管理，执行款到账后即以短信告知申请执行人，并在三十日内完成核算发放；发放进度可在执行信息公开平台当事人门户查询。',
    isPublishable: true,
  });
  const pending = await registerDeputyProposal(db, president, {
    kind: 'committeeProposal',
    number: `${ctx.today.slice(0, 4)}-提-052`,
    proposer: '林雅琴',
    title: '关于加强涉企案件善意文明执行的提案',
    content: '建议对经营正常的涉企被执行人优先采用活封等措施，允许其在监督下自行处置查封财产。',
    receivedOn: addCalendarDays(ctx.today, -10),
  });
  await assignDeputyProposal(db, president, pending.id, { userId: judge.userId });
  ctx.logger.info('demo service window loaded');
}
