import { createHash } from 'node:crypto';
import type { DemoSeedContext } from '../../platform/module.ts';
import { listCases, loadCaseContext } from '../cases/index.ts';
import { loadActorByUsername } from '../identity/index.ts';
import { openCaseAccount } from './use-cases/accounts.ts';
import { savePayeeAccount } from './use-cases/disbursements.ts';

/**
 * The demo's funds: every demo case has its account number (as filing gives it), and every
 * applicant a bank account on file for payouts. Money itself arrives through the simulated bank
 * (`POST /sim/bank/transfers`), as it would in a court.
 */
export async function seedFundsDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  const viewer = await loadActorByUsername(db, 'spc.command');
  if (!viewer) return;
  for (let page = 1; ; page++) {
    const list = await listCases(db, viewer, { page, pageSize: 200, sort: 'deadline' });
    for (const item of list.items) {
      await db.transaction(async (tx) => {
        const c = await loadCaseContext(tx, viewer, item.id);
        await openCaseAccount(tx, c);
        for (const applicant of c.applicants) {
          await savePayeeAccount(tx, c.id, applicant.id, {
            accountNumber: demoAccountNumber(applicant.id),
            accountName: applicant.name,
            bankName: '中国建设银行杭州分行 / CCB Hangzhou',
          });
        }
      });
    }
    if (list.items.length < 200) break;
  }
}

/** A stable 19-digit demo account for a party. */
function demoAccountNumber(partyId: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(partyId).digest('hex').slice(0, 15)}`)
    .toString()
    .padStart(15, '0');
  return `6217${digits.slice(0, 15)}`;
}
