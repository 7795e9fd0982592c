import { addCalendarDays } from '../../kernel/index.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { listCases } from '../cases/index.ts';
import { loadActorByUsername } from '../identity/index.ts';
import { requestEntrustment } from './use-cases/entrustments.ts';
import { concludePetition, registerPetition } from './use-cases/petitions.ts';
import { openSupervision } from './use-cases/supervisions.ts';
import { recordTerminationReview } from './use-cases/termination-reviews.ts';
import { scanWarnings } from './use-cases/warnings.ts';

async function actor(ctx: DemoSeedContext, username: string) {
  const a = await loadActorByUsername(ctx.database.db, username);
  if (!a) throw new Error(`demo account ${username} is missing`);
  return a;
}

/**
 * The command centre's demo: the province's centre supervises Xihu's oldest open case, two
 * petitions (one concluded), a seal Xihu entrusted to Haishu, and a 终本 closure a review found
 * unqualified, and the warnings of the day — so that every list and indicator of the desk has something in it.
 */
export async function seedCommandDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  const [centre, president, judge] = await Promise.all([
    actor(ctx, 'zj.command'),
    actor(ctx, 'xihu.president'),
    actor(ctx, 'xihu.judge'),
  ]);
  const base = { page: 1, pageSize: 5, sort: 'filedOn' as const };
  const open = (await listCases(db, judge, { ...base, status: 'inProgress', mine: 'true', caseType: '执' }))
    .items;
  const closed = (await listCases(db, judge, { ...base, pageSize: 100, status: 'closed', caseType: '执' }))
    .items;
  const [oldest, second, third] = open;
  if (oldest) {
    await openSupervision(db, centre, {
      caseId: oldest.id,
      demands: '立案已逾六个月，请说明未执结原因并报送下一步执行计划。',
      dueDate: addCalendarDays(ctx.today, 10),
    });
  }
  if (second) {
    const p = await registerPetition(db, president, {
      caseId: second.id,
      petitioner: '申请执行人',
      summary: '反映案件久拖未结，要求加快执行进度。',
    });
    await concludePetition(db, president, p.id, {
      resolution: '已约谈申请执行人，告知财产调查进展并制定执行计划。',
    });
  }
  if (third) {
    await registerPetition(db, president, {
      caseId: third.id,
      petitioner: '申请执行人',
      summary: '反映被执行人转移财产，要求法院采取措施。',
    });
    await requestEntrustment(db, judge, {
      caseId: third.id,
      toCourt: '浙0203',
      matter: 'seal',
      details: '请查封被执行人位于宁波市海曙区的房产一处（不动产权证号见附件）。',
      dueDate: addCalendarDays(ctx.today, 15),
      documents: [{ name: '协助执行通知书' }, { name: '执行裁定书' }],
    });
  }
  const terminated = closed.find((c) => c.closingType === 'terminatedThisRound');
  if (terminated) {
    await recordTerminationReview(db, centre, {
      caseId: terminated.id,
      item: 'propertyInvestigationExhausted',
      finding: '未对被执行人名下车辆线索进行核查。',
    });
  }
  // The morning's scan, so that the desk's warnings are there from the start.
  await scanWarnings(db, ctx.today);
}
