import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { exportDossier } from '../../documents/index.ts';
import type { Actor } from '../../identity/index.ts';
import { loadReferral } from './bankruptcy-referral-store.ts';

/**
 * The materials transferred to the receiving court (CPL-I art. 511: 将执行案件相关材料移送): the
 * case's electronic dossier as the documents module exports it — every document as served, every
 * file and field record, and a manifest of their SHA-256 hashes. For anyone who sees the case.
 */
export async function bankruptcyPackage(
  db: Db,
  actor: Actor,
  referralId: string,
): Promise<{ bytes: Buffer; fileName: string }> {
  const r = await loadReferral(db, referralId);
  const c = await loadCaseContext(db, actor, r.caseId);
  const bytes = await exportDossier(db, c, clock.now());
  return { bytes, fileName: `${c.caseNumber}-移送破产审查材料.zip` };
}
