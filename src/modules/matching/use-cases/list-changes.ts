import { ageOn } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { ageOfMajority, type ChangeKind, listChangesAfter, referenceOf } from '../../credit/index.ts';
import { isRelevantToScene, type SceneRule } from '../rules/scenes.ts';

/** One change as a unit sees it (the API calls the punishment a "measure": see `wire.ts`). */
export type ChangeView = {
  seq: number;
  kind: string;
  punishment: string;
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

export type ChangePage = { changes: ChangeView[]; next: string };

// What a unit is told of; a reward notice restricts no one.
const unitKinds: readonly ChangeKind[] = [
  'listed',
  'deleted',
  'updated',
  'restrictionAdded',
  'restrictionLifted',
];

/**
 * The ordered change feed for one unit (`GET /match/changes?since=`, and the webhook pushes):
 * listings, deletions and restrictions added or lifted that matter to its scene, never about a
 * minor. `next` is the cursor to ask with next time, past everything read (including changes
 * filtered out).
 */
export async function listChanges(
  db: DbOrTx,
  input: { scene: SceneRule; since: number; limit: number; today: string },
): Promise<ChangePage> {
  const rows = await listChangesAfter(db, { after: input.since, limit: input.limit, kinds: unitKinds });
  const changes = rows
    .filter((c) => isRelevantToScene(c, input.scene))
    // 失信规定 art. 4: nothing is shown about a minor
    .filter((c) => !c.idNumber || ageOn(c.idNumber, input.today) >= ageOfMajority)
    .map((c): ChangeView => {
      const behaviours =
        c.punishment === 'consumptionRestriction'
          ? (c.behaviours ?? []).filter((b) => input.scene.behaviours.some((x) => x === b))
          : undefined;
      return {
        seq: c.seq,
        kind: c.kind,
        punishment: c.punishment,
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
        reference: c.punishmentNo === null ? null : referenceOf(c.punishmentNo),
        occurredAt: c.occurredAt.toISOString(),
      };
    });
  const last = rows.at(-1);
  return { changes, next: String(last ? last.seq : input.since) };
}
