import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { formatYuan } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db, Tx } from '../../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../../platform/errors.ts';
import { appendAudit } from '../../../audit/index.ts';
import { type CaseContext, loadCaseContext, NodeKind, validateNewParty } from '../../../cases/index.ts';
import type { CaseAccess, PortalUser } from '../../../disclosure/index.ts';
import { type Actor, systemActorFor } from '../../../identity/index.ts';
import { queueInApp } from '../../../notify/index.ts';
import { recordTeamNode } from '../../use-cases/record-team-node.ts';
import type { TAdditionInput } from '../contracts.ts';
import { assertAdditionTeam } from '../policy.ts';
import { checkLimit, groundRules, rulingDueOn } from '../rules/additions.ts';
import { type AppliedVia, respondentAdditions } from '../tables.ts';
import { auditActorOf, conflict } from './addition-store.ts';

type CleanApplication = {
  ground: TAdditionInput['ground'];
  party: ReturnType<typeof validateNewParty>;
  limitFen: number | null;
  facts: string;
};

/** What the request says before the case is read: the party as filing checks it, the limit its ground asks. */
export function checkApplication(input: TAdditionInput, today: string): CleanApplication {
  const limit = checkLimit(input.ground, input.limitFen);
  if (!limit.ok) throw invalidField('limitFen', limit.reason.zh, limit.reason.en);
  const party = validateNewParty('party', input.party, today);
  return { ground: input.ground, party, limitFen: limit.value, facts: input.facts };
}

/**
 * Writes the application on a case the caller has locked: refused (409) on a closed case, for a
 * party that is already a respondent, or one with an application still under review.
 */
export async function insertApplication(
  tx: Tx,
  c: CaseContext,
  app: CleanApplication,
  by: { via: AppliedVia; id: string; name: string },
): Promise<{ id: string; dueOn: string }> {
  if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
  const key = app.party.idNumber ?? app.party.creditCode;
  const isSame = (p: { idNumber: string | null; creditCode: string | null; name: string }) =>
    key === null ? p.name === app.party.name : (p.idNumber ?? p.creditCode) === key;
  if (c.respondents.some(isSame))
    throw conflict('该主体已是本案被执行人', 'Already a respondent of this case');
  const pending = await tx
    .select({
      idNumber: respondentAdditions.idNumber,
      creditCode: respondentAdditions.creditCode,
      name: respondentAdditions.partyName,
    })
    .from(respondentAdditions)
    .where(and(eq(respondentAdditions.caseId, c.id), eq(respondentAdditions.state, 'underReview')));
  if (pending.some(isSame)) {
    throw conflict('追加该主体的申请正在审查中', 'An application to add this party is already under review');
  }
  const today = clock.today();
  const id = randomUUID();
  const dueOn = rulingDueOn(today);
  await tx.insert(respondentAdditions).values({
    id,
    caseId: c.id,
    courtId: c.courtId,
    ground: app.ground,
    partyKind: app.party.kind,
    partyName: app.party.name,
    idNumber: app.party.idNumber,
    creditCode: app.party.creditCode,
    limitFen: app.limitFen,
    facts: app.facts,
    appliedVia: by.via,
    appliedOn: today,
    dueOn,
    appliedAt: clock.now(),
    appliedBy: by.id,
    appliedByName: by.name,
  });
  return { id, dueOn };
}

function nodeNote(app: CleanApplication, dueOn: string): string {
  const rule = groundRules[app.ground];
  const limit = app.limitFen === null ? '' : `，限额${formatYuan(app.limitFen)}元`;
  return `申请追加${app.party.name}为被执行人（${rule.label.zh}，${rule.article}${limit}），应于${dueOn}前作出裁定`;
}

/**
 * 申请变更、追加被执行人 (变更追加规定 art. 28): the case team enters the applicant's written
 * application — its ground, whom to add (checked as filing checks parties), the limit of liability
 * where the ground has one (arts. 10, 17–19, 22), the facts. The ruling is due 60 days after the
 * application; the timeline gets "申请变更、追加被执行人". Nothing is written on any refusal.
 */
export async function applyForAddition(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TAdditionInput,
): Promise<{ id: string; state: 'underReview'; dueOn: string }> {
  const app = checkApplication(input, clock.today());
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertAdditionTeam(actor, c);
    const { id, dueOn } = await insertApplication(tx, c, app, {
      via: 'team',
      id: actor.userId,
      name: actor.displayName,
    });
    await recordTeamNode(
      tx,
      actor,
      c,
      { kind: NodeKind.respondentAdditionApplied, note: nodeNote(app, dueOn) },
      `procedures.respondent-addition:${id}`,
    );
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.respondent-addition.apply',
      objectType: 'case',
      objectId: c.id,
      detail: { additionId: id, ground: app.ground, limitFen: app.limitFen, dueOn },
    });
    return { id, state: 'underReview' as const, dueOn };
  });
}

/**
 * The applicant (or its lawyer) applies through the party portal (执行当事人平台): the same
 * application, checked the same way, entered under the applicant's name; a respondent may not
 * (403). The timeline gets the node in the case judge's name, saying who applied, and the case
 * judge and assistant are told in the workbench.
 */
export async function applyForAdditionOnPortal(
  db: Db,
  user: PortalUser,
  access: CaseAccess,
  input: TAdditionInput,
): Promise<{ id: string; state: 'underReview'; dueOn: string }> {
  if (!access.seats.some((s) => s.role === 'applicant')) {
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有申请执行人可以申请变更、追加被执行人', 'Only the applicant may apply to add a respondent'),
    );
  }
  const app = checkApplication(input, clock.today());
  return db.transaction(async (tx) => {
    const system = await systemActorFor(tx, access.courtId);
    if (!system) throw notFound('案件', 'Case');
    const c = await loadCaseContext(tx, system, access.caseId, { forUpdate: true });
    const by =
      user.kind === 'lawyer'
        ? { via: 'portal' as const, id: user.lawyerId, name: `${user.name}（代理律师）` }
        : { via: 'portal' as const, id: user.identifier, name: user.name };
    const { id, dueOn } = await insertApplication(tx, c, app, by);
    if (c.team.judgeId !== null) {
      await recordTeamNode(
        tx,
        { ...system, displayName: `${by.name}网上申请，系统` },
        c,
        { kind: NodeKind.respondentAdditionApplied, note: nodeNote(app, dueOn) },
        `procedures.respondent-addition:${id}`,
      );
    }
    const team = [c.team.judgeId, c.team.assistantId].filter((u): u is string => u !== null);
    await queueInApp(tx, {
      dedupeKey: `procedures.respondent-addition:${id}`,
      userIds: team,
      title: `${c.caseNumber} 申请执行人申请追加${app.party.name}为被执行人`,
      body: `${groundRules[app.ground].label.zh}；应于${dueOn}前作出裁定。`,
      kind: 'procedures.respondentAdditionApplied',
      caseId: c.id,
      courtId: c.courtId,
    });
    await appendAudit(tx, {
      actor: null,
      action: 'procedures.respondent-addition.apply',
      objectType: 'case',
      objectId: c.id,
      detail: {
        additionId: id,
        ground: app.ground,
        limitFen: app.limitFen,
        dueOn,
        via: 'portal',
        by: by.name,
      },
    });
    return { id, state: 'underReview' as const, dueOn };
  });
}
