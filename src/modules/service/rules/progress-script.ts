/**
 * What the counter reads to a party asking how their case stands (答复进度查询): only what the party
 * portal shows them — status, the steps of the timeline without the team's notes, money received and
 * paid, the next deadline, the officers by name — in sentences a person can read aloud. Pure.
 */
import { type Bilingual, formatYuan } from '../../../kernel/index.ts';

/** How many of the latest steps are read out. */
export const spokenNodeCount = 5;

export type ProgressFacts = {
  caseNumber: string;
  court: string;
  filedOn: string;
  statusLabel: Bilingual;
  claimFen: number;
  recoveredFen: number;
  paidFen: number;
  /** Newest first. */
  latestNodes: { kind: string; label: Bilingual; occurredOn: string }[];
  nextDeadline: { label: Bilingual; dueOn: string } | null;
  judge: string | null;
  /** Materials received at the service window for the case. */
  materials: { count: number; lastReceivedOn: string; lastReceiptNumber: string } | null;
};

/** The steps worth reading out: an "other" step says what it was only in the team's note, which parties do not see. */
export function spokenNodes<N extends { kind: string }>(nodes: readonly N[]): N[] {
  return nodes.filter((n) => n.kind !== 'other').slice(0, spokenNodeCount);
}

/** 2026-03-05 → 2026年3月5日. */
function spokenDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function progressScript(f: ProgressFacts): string[] {
  const lines = [
    `${f.caseNumber}案由${f.court}于${spokenDate(f.filedOn)}立案，目前状态：${f.statusLabel.zh}。`,
    `申请执行标的${formatYuan(f.claimFen)}元，已执行到位${formatYuan(f.recoveredFen)}元${
      f.paidFen > 0 ? `，已向申请执行人发放${formatYuan(f.paidFen)}元` : ''
    }。`,
  ];
  const steps = spokenNodes(f.latestNodes);
  lines.push(
    steps.length > 0
      ? `最近进展：${steps.map((n) => `${spokenDate(n.occurredOn)}${n.label.zh}`).join('；')}。`
      : '本案暂无其他进展。',
  );
  if (f.materials) {
    lines.push(
      `执行事务中心已收取本案材料${f.materials.count}次，最近一次为${spokenDate(f.materials.lastReceivedOn)}（回执${f.materials.lastReceiptNumber}）。`,
    );
  }
  if (f.nextDeadline)
    lines.push(`下一节点：${f.nextDeadline.label.zh}，期限为${spokenDate(f.nextDeadline.dueOn)}。`);
  if (f.judge) lines.push(`承办法官：${f.judge}。`);
  return lines;
}
