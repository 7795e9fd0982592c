import { eq } from 'drizzle-orm';
import { formatYuan } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { invalidField } from '../../../../platform/errors.ts';
import { loadCaseContext } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import type { TRecordSale, TSelfDisposal } from '../contracts.ts';
import { assertCanRecordSale } from '../policy.ts';
import { canRecordSale, isPriceAcceptable } from '../rules/self-disposal.ts';
import { selfDisposals } from '../tables.ts';
import {
  auditSelfDisposal,
  conflict,
  findSelfDisposal,
  notFoundSelfDisposal,
  showSelfDisposal,
} from './self-disposal-store.ts';

/**
 * The sale the respondent agreed, within the period and at no less than the lowest price. The
 * buyer then pays the price into the case account; nothing is released until it arrives
 * (apply-payments.ts). Refused: no such self-disposal in the data scope 404, not the case's judge,
 * assistant or clerk 403, a price below the lowest 400 naming `priceFen`, a sale already recorded,
 * a self-disposal no longer open or past its period 409.
 */
export async function recordSale(
  db: Db,
  actor: Actor,
  id: string,
  input: TRecordSale,
): Promise<TSelfDisposal> {
  return db.transaction(async (tx) => {
    const found = await findSelfDisposal(tx, id);
    if (!found) throw notFoundSelfDisposal();
    const c = await loadCaseContext(tx, actor, found.caseId);
    assertCanRecordSale(actor, c);
    const row = await findSelfDisposal(tx, found.id, { forUpdate: true });
    if (!row) throw notFoundSelfDisposal();
    if (!isPriceAcceptable(input.priceFen, row.lowestPriceFen)) {
      throw invalidField(
        'priceFen',
        `成交价不得低于法院确定的最低价¥${formatYuan(row.lowestPriceFen)}`,
        `The price may not be below the lowest price the court set (¥${formatYuan(row.lowestPriceFen)})`,
      );
    }
    if (row.salePriceFen !== null) throw conflict('已登记成交', 'The sale is already recorded', 'priceFen');
    const today = clock.today();
    if (!canRecordSale(row, today)) {
      throw conflict(
        row.state === 'open' ? '自行处置期限已届满' : '自行处置已结束',
        row.state === 'open' ? 'The period has passed' : 'The self-disposal is over',
      );
    }
    const now = clock.now();
    await tx
      .update(selfDisposals)
      .set({
        buyerName: input.buyerName,
        salePriceFen: input.priceFen,
        saleRecordedAt: now,
        saleRecordedOn: today,
        saleRecordedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(selfDisposals.id, row.id));
    await auditSelfDisposal(tx, actor, row, 'sale', { buyerName: input.buyerName, priceFen: input.priceFen });
    const updated = await findSelfDisposal(tx, row.id);
    if (!updated) throw notFoundSelfDisposal();
    return showSelfDisposal(tx, updated);
  });
}
