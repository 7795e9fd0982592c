import { and, eq, inArray } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import type { TOrderVerification } from '../order-contracts.ts';
import { investigationOrders } from '../reward-tables.ts';
import { isOrderValidOn, normalizeOrderCode } from '../rules/investigation-order.ts';

/**
 * The public check of an investigation order's code by whoever it is shown to (a bank, a
 * registry), exactly as the API contract says: `{valid, caseNumber, validUntil, scope}`; valid is
 * false once the order is past its last day or revoked. An unknown code — or one that cannot be a
 * code, or of an order never granted — is 404.
 */
export async function verifyOrderCode(db: DbOrTx, typed: string): Promise<TOrderVerification> {
  const code = normalizeOrderCode(typed);
  const [order] = code
    ? await db
        .select()
        .from(investigationOrders)
        .where(
          and(eq(investigationOrders.code, code), inArray(investigationOrders.state, ['granted', 'revoked'])),
        )
    : [];
  if (!order?.validUntil) throw notFound('调查令', 'Investigation order');
  return {
    valid: isOrderValidOn(order, clock.today()),
    caseNumber: order.caseNumber,
    validUntil: order.validUntil,
    scope: order.scope,
  };
}
