import type { DbOrTx } from '../../../platform/db.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { sendPoliceRequestJob } from '../sanction-jobs.ts';
import { insertPoliceRequest } from './police-requests.ts';

/**
 * An order to public security, recorded and given its send job inside the caller's transaction:
 * both exist if and only if the decision that caused them commits. The job's id is the order's.
 */
export async function queuePoliceRequest(
  tx: DbOrTx,
  input: Parameters<typeof insertPoliceRequest>[1],
): Promise<string> {
  const requestId = await insertPoliceRequest(tx, input);
  await enqueueJob(tx, sendPoliceRequestJob, { requestId }, { id: requestId });
  return requestId;
}
