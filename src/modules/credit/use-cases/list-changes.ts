import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { ageOn } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { referenceOf } from '../matching/matcher.ts';
import { ageOfMajority } from '../rules/grounds.ts';
import type { SceneRule } from '../rules/scenes.ts';
import { changes, courts } from '../tables.ts';

export type ChangeView = {
  seq: number;
  kind: string;
  measure: string;
  subject: {
    kind: 'natural' | 'organisation';
    idNumber: string | null;
    creditCode: string | null;
    name: string;
  };
  behaviours?: number[];
  role: string;
  since: string | null;
  until: string | null;
  court: string;
  caseNumber: string | null;
  reference: string | null;
  occurredAt: string;
};

type ChangeRow = typeof changes.$inferSelect & { courtName: string | null };

/** Whether a change concerns what the unit's scene restricts (a consumption change: only its behaviours). */
export function isRelevantToScene(
  c: { measure: string; behaviours: number[] | null },
  scene: SceneRule,
): boolean {
  if (c.measure === 'dishonestList') return scene.isDishonestListRelevant;
  if (c.measure === 'exitRestriction') return scene.isExitRestrictionRelevant;
  if (c.measure === 'consumptionRestriction')
    return (c.behaviours ?? []).some((b) => scene.behaviours.some((x) => x === b));
  return false;
}

function toView(c: ChangeRow, scene: SceneRule): ChangeView {
  const behaviours =
    c.measure === 'consumptionRestriction'
      ? (c.behaviours ?? []).filter((b) => scene.behaviours.some((x) => x === b))
      : undefined;
  return {
    seq: c.seq,
    kind: c.kind,
    measure: c.measure,
    subject: {
      kind: c.subjectKind === 'natural' ? 'natural' : 'organisation',
      idNumber: c.idNumber,
      creditCode: c.creditCode,
      name: c.name,
    },
    ...(behaviours ? { behaviours } : {}),
    role: c.role ?? 'debtor',
    since: c.since,
    until: c.until,
    court: c.courtName ?? '',
    caseNumber: c.caseNumber,
    reference: c.measureNo === null ? null : referenceOf(c.measureNo),
    occurredAt: c.occurredAt.toISOString(),
  };
}

/**
 * The ordered change feed for one unit (`GET /match/changes?since=`): listings, deletions and
 * restrictions added or lifted that matter to its scene, never about a minor. `next` is the cursor
 * to ask with next time, past everything read (including changes filtered out).
 */
export async function listChanges(
  db: DbOrTx,
  input: { scene: SceneRule; since: number; limit: number; today: string },
) {
  const rows = await db
    .select({
      seq: changes.seq,
      kind: changes.kind,
      measure: changes.measure,
      measureNo: changes.measureNo,
      subjectKind: changes.subjectKind,
      idNumber: changes.idNumber,
      creditCode: changes.creditCode,
      name: changes.name,
      divisionCode: changes.divisionCode,
      courtNo: changes.courtNo,
      caseNumber: changes.caseNumber,
      since: changes.since,
      until: changes.until,
      behaviours: changes.behaviours,
      role: changes.role,
      occurredAt: changes.occurredAt,
      courtName: courts.name,
    })
    .from(changes)
    .leftJoin(courts, eq(courts.courtNo, changes.courtNo))
    .where(and(gt(changes.seq, input.since), ne(changes.kind, 'rewardNotice')))
    .orderBy(asc(changes.seq))
    .limit(input.limit);
  const views = rows
    .filter((c) => isRelevantToScene(c, input.scene))
    // 失信规定 art. 4: nothing is shown about a minor
    .filter((c) => !c.idNumber || ageOn(c.idNumber, input.today) >= ageOfMajority)
    .map((c) => toView(c, input.scene));
  const last = rows.at(-1);
  return { changes: views, next: String(last ? last.seq : input.since) };
}
