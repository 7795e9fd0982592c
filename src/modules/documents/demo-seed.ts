import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { seatsOfPerson } from '../cases/index.ts';
import { demoApplicant } from '../disclosure/index.ts';
import { loadActorByUsername } from '../identity/index.ts';
import { issueDocument } from './use-cases/issue-document.ts';
import { sealDocument } from './use-cases/seal-document.ts';
import { serveDocument } from './use-cases/serve-document.ts';

/**
 * The demo's documents: the ruling that terminated the round of 刘芳's older case against 王建国,
 * sealed by the judge and served on her electronically — in her portal, and in the case's dossier.
 */
export async function seedDocumentsDemo(
  ctx: DemoSeedContext,
  opts: { sealPassphrase: string },
): Promise<void> {
  const db: Db = ctx.database.db;
  const judge = await loadActorByUsername(db, 'xihu.judge');
  if (!judge) return;
  const seats = await seatsOfPerson(db, demoApplicant.idNumber);
  const closed = await db.execute<{ id: string }>(sql`
    select id from cases.cases
    where id = any(${`{${seats.map((s) => s.caseId).join(',')}}`}::uuid[]) and closing_type = 'terminatedThisRound'
    limit 1`);
  const caseId = closed[0]?.id;
  const seat = seats.find((s) => s.caseId === caseId);
  if (!caseId || !seat) return;
  const ruling = await issueDocument(db, judge, caseId, { template: 'terminationRuling' });
  await sealDocument(db, judge, ruling.id, { passphrase: opts.sealPassphrase });
  await serveDocument(db, judge, ruling.id, { partyId: seat.partyId, method: 'electronic' });
  ctx.logger.info({ documentId: ruling.id }, 'demo documents loaded');
}
