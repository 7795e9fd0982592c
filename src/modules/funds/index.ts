import { defineModule } from '../../platform/module.ts';
import { inboxSources } from '../inbox/index.ts';
import { seedFundsDemo } from './demo-seed.ts';
import { fundsEvents } from './events.ts';
import { fundsInbox } from './inbox-source.ts';
import { fundsJobs } from './jobs/index.ts';
import { registerFundsRoutes } from './routes.ts';
import { fundsBookings, fundsNotices } from './subscribers.ts';

export { disbursementPaid, moneyReceived, payoutDelayApproved, payoutDelayEnded } from './events.ts';
export { payoutDelayReasonLabels } from './rules/payout-deadline.ts';
export {
  type CaseAccountRow,
  findCaseAccount,
  openCaseAccount,
  settlementBankName,
} from './use-cases/accounts.ts';
export { type Arrival, type ArrivalOutcome, bookArrivals } from './use-cases/book-arrivals.ts';
export { type CaseReceipt, listCaseReceipts } from './use-cases/case-receipts.ts';
export { approveDisbursement, proposeDisbursement, rejectDisbursement } from './use-cases/disbursements.ts';
export { partyMoneyOf } from './use-cases/party-money.ts';
export { receivedFenOf } from './use-cases/received.ts';
export { settlePayment } from './use-cases/settle-payment.ts';
export { claimUnmatched } from './use-cases/unmatched.ts';
export { verifyLedger } from './verify.ts';

/**
 * Case funds (一案一账号, 执行款物管理规定 2017): a case account number for every case, the bank's
 * arrival notices booked once each into a double-entry ledger, the fee by its bands, allocation,
 * disbursements approved by a court leader and paid through the bank exactly once (to applicants, and
 * refunds to respondents), approved payout delays (art. 15), the claim queue.
 */
export const fundsModule = defineModule({
  name: 'funds',
  events: fundsEvents,
  subscribers: [fundsBookings, fundsNotices],
  jobs: fundsJobs,
  contributions: [inboxSources.provide(fundsInbox)],
  routes(app, ctx) {
    registerFundsRoutes(app, { db: ctx.database.db, config: ctx.config });
  },
  seedDemo: (ctx) => seedFundsDemo(ctx),
});
