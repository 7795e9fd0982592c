import { bookArrivalsJob } from './book-arrivals.ts';
import { instructPaymentJob, pollPaymentJob } from './payment-jobs.ts';
import { reconcileJob } from './reconcile.ts';
import { subscribeBankJob } from './subscribe-bank.ts';
import { warnUnclaimedJob } from './warn-unclaimed.ts';

export const fundsJobs = [
  bookArrivalsJob,
  subscribeBankJob,
  instructPaymentJob,
  pollPaymentJob,
  reconcileJob,
  warnUnclaimedJob,
];
