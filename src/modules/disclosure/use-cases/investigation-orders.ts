import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type {
  TInvestigationOrder,
  TOrderDecision,
  TOrderInput,
  TOrderRevocation,
} from '../order-contracts.ts';
import type { PortalUser } from '../portal-auth.ts';
import { investigationOrders } from '../reward-tables.ts';
import {
  defaultOrderValidDays,
  encodeOrderCode,
  forbiddenTermsIn,
  formatOrderCode,
  isOrderValidOn,
  maxOrderValidDays,
  orderValidUntil,
} from '../rules/investigation-order.ts';
import { assertCaseJudge } from '../team-policy.ts';
import { resultsOf } from './investigation-results.ts';
import { type CaseAccess, lawyerOf } from './party-access.ts';
import { closeRequest, openRequest } from './party-requests.ts';
import { assertCaseOpen, caseOfAccess } from './reward-notices.ts';

/**
 * Lawyers' investigation orders (律师调查令; DOMAIN §9, court practice): the applicant's lawyer
 * applies — a task due in 3 days — never for state secrets, trade secrets or privacy; the case judge
 * grants (with an unguessable verification code, valid 15 days, at most 30) or refuses, and may
 * revoke; whoever the order is shown to checks the code at the public endpoint
 * (order-verification.ts). Results: investigation-results.ts.
 */
type OrderRow = typeof investigationOrders.$inferSelect;

function forbidden(zh: string, en: string): AppError {
  return new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** Only a lawyer holds an order; the party itself asks the court to investigate instead. */
export function assertLawyer(user: PortalUser): asserts user is Extract<PortalUser, { kind: 'lawyer' }> {
  if (user.kind !== 'lawyer') {
    throw forbidden(
      '律师调查令只能由代理律师申请和使用',
      'Only a lawyer may apply for or use an investigation order',
    );
  }
}

export async function applyForInvestigationOrder(
  db: Db,
  user: PortalUser,
  access: CaseAccess,
  input: TOrderInput,
): Promise<{ id: string; dueOn: string }> {
  assertLawyer(user);
  // (practice) the order serves the applicant's search for the debtor's property.
  if (!access.seats.some((s) => s.role === 'applicant')) {
    throw forbidden(
      '只有申请执行人的代理律师可以申请调查令',
      'Only the applicant’s lawyer may apply for an order',
    );
  }
  const terms = forbiddenTermsIn(input.scope);
  if (terms.length > 0) {
    throw invalidField(
      'scope',
      `调查令不得涉及国家秘密、商业秘密或个人隐私（${terms.join('、')}）`,
      `An order never covers state secrets, trade secrets or privacy (${terms.join(', ')})`,
    );
  }
  const validDays = input.validDays ?? defaultOrderValidDays;
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > maxOrderValidDays) {
    throw invalidField(
      'validDays',
      `有效期为1至${maxOrderValidDays}日`,
      `Valid 1 to ${maxOrderValidDays} days`,
    );
  }
  return db.transaction(async (tx) => {
    assertCaseOpen(await caseOfAccess(tx, access));
    const lawyer = await lawyerOf(tx, user.lawyerId);
    if (!lawyer) throw forbidden('律师账户不存在', 'No such lawyer account');
    const text = `律师调查令：${input.addressee}；${input.scope}`.slice(0, 2000);
    const task = await openRequest(tx, access, { kind: 'investigationOrder', text });
    const id = randomUUID();
    await tx.insert(investigationOrders).values({
      id,
      caseId: access.caseId,
      courtId: access.courtId,
      caseNumber: access.caseNumber,
      requestId: task.id,
      lawyerId: lawyer.id,
      lawyerName: lawyer.name,
      lawFirm: lawyer.lawFirm,
      licenceNumber: lawyer.licenceNumber,
      addressee: input.addressee,
      scope: input.scope,
      category: input.category,
      validDays,
      appliedAt: clock.now(),
      dueOn: task.dueOn,
    });
    await appendAudit(tx, {
      actor: null,
      action: 'disclosure.investigation-order.apply',
      objectType: 'case',
      objectId: access.caseId,
      detail: { orderId: id, requestId: task.id, lawyerId: lawyer.id, category: input.category, validDays },
    });
    return { id, dueOn: task.dueOn };
  });
}

async function loadOrderForJudge(
  tx: DbOrTx,
  actor: Actor,
  orderId: string,
): Promise<{ order: OrderRow; c: CaseContext }> {
  const [order] = await tx
    .select()
    .from(investigationOrders)
    .where(eq(investigationOrders.id, orderId))
    .for('update');
  if (!order) throw notFound('调查令', 'Investigation order');
  const c = await loadCaseContext(tx, actor, order.caseId);
  assertCaseJudge(actor, c);
  return { order, c };
}

function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

/** (practice) DOMAIN §9: granted orders are valid from the decision day for their days. */
export async function decideInvestigationOrder(
  db: Db,
  actor: Actor,
  orderId: string,
  input: TOrderDecision,
): Promise<TInvestigationOrder> {
  return db.transaction(async (tx) => {
    const { order, c } = await loadOrderForJudge(tx, actor, orderId);
    if (order.state !== 'pending') {
      throw new AppError(
        ErrorCode.conflict,
        bi('该调查令申请已作出决定', 'The application was already decided'),
      );
    }
    if (input.grant) assertCaseOpen(c);
    const now = clock.now();
    const today = chinaDateOf(now);
    const [updated] = await tx
      .update(investigationOrders)
      .set({
        state: input.grant ? 'granted' : 'refused',
        decidedAt: now,
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        reason: input.reason,
        ...(input.grant
          ? {
              code: encodeOrderCode(randomBytes(10)),
              validFrom: today,
              validUntil: orderValidUntil(today, order.validDays),
            }
          : {}),
      })
      .where(eq(investigationOrders.id, order.id))
      .returning();
    if (!updated) throw new Error('the locked order vanished');
    await closeRequest(tx, order.requestId, {
      outcome: input.grant ? 'accepted' : 'rejected',
      answer: input.reason,
      actor,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: input.grant ? 'disclosure.investigation-order.grant' : 'disclosure.investigation-order.refuse',
      objectType: 'case',
      objectId: c.id,
      detail: { orderId: order.id, validUntil: updated.validUntil },
    });
    return viewOne(tx, updated);
  });
}

/** A granted order withdrawn by the judge: from now on its code answers valid=false. */
export async function revokeInvestigationOrder(
  db: Db,
  actor: Actor,
  orderId: string,
  input: TOrderRevocation,
): Promise<TInvestigationOrder> {
  return db.transaction(async (tx) => {
    const { order, c } = await loadOrderForJudge(tx, actor, orderId);
    if (order.state !== 'granted') {
      throw new AppError(
        ErrorCode.conflict,
        bi('只能撤销已签发的调查令', 'Only a granted order can be revoked'),
      );
    }
    const [updated] = await tx
      .update(investigationOrders)
      .set({
        state: 'revoked',
        revokedAt: clock.now(),
        revokedByName: actor.displayName,
        revokeReason: input.reason,
      })
      .where(eq(investigationOrders.id, order.id))
      .returning();
    if (!updated) throw new Error('the locked order vanished');
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'disclosure.investigation-order.revoke',
      objectType: 'case',
      objectId: c.id,
      detail: { orderId: order.id },
    });
    return viewOne(tx, updated);
  });
}

async function viewsOf(db: DbOrTx, rows: OrderRow[]): Promise<TInvestigationOrder[]> {
  const results = await resultsOf(
    db,
    rows.map((r) => r.id),
  );
  const today = clock.today();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    lawyer: { name: r.lawyerName, lawFirm: r.lawFirm, licenceNumber: r.licenceNumber },
    addressee: r.addressee,
    scope: r.scope,
    category: r.category,
    validDays: r.validDays,
    appliedAt: r.appliedAt.toISOString(),
    dueOn: r.dueOn,
    isOverdue: (r.decidedAt ? chinaDateOf(r.decidedAt) : today) > r.dueOn,
    state: r.state,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedByName,
    reason: r.reason,
    code: r.code ? formatOrderCode(r.code) : null,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    isValid: isOrderValidOn(r, today),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokeReason: r.revokeReason,
    results: results.get(r.id) ?? [],
  }));
}

async function viewOne(db: DbOrTx, row: OrderRow): Promise<TInvestigationOrder> {
  const [view] = await viewsOf(db, [row]);
  if (!view) throw new Error('no view of the order');
  return view;
}

/** The case's orders with their results, for whoever sees the case. */
export async function listCaseOrders(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
): Promise<TInvestigationOrder[]> {
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await db
    .select()
    .from(investigationOrders)
    .where(eq(investigationOrders.caseId, c.id))
    .orderBy(asc(investigationOrders.appliedAt));
  return viewsOf(db, rows);
}

/** The lawyer's own orders on a case. */
export async function listLawyerOrders(
  db: DbOrTx,
  user: PortalUser,
  access: CaseAccess,
): Promise<TInvestigationOrder[]> {
  assertLawyer(user);
  const rows = await db
    .select()
    .from(investigationOrders)
    .where(
      and(eq(investigationOrders.caseId, access.caseId), eq(investigationOrders.lawyerId, user.lawyerId)),
    )
    .orderBy(asc(investigationOrders.appliedAt));
  return viewsOf(db, rows);
}
