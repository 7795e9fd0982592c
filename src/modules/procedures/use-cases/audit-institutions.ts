import { randomUUID } from 'node:crypto';
import { asc, or, sql } from 'drizzle-orm';
import { validateCreditCode } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role, requireRole } from '../../identity/index.ts';
import type { TAuditInstitution, TAuditInstitutionInput } from '../audit-contracts.ts';
import { auditInstitutions, type RosterEntry } from '../audit-tables.ts';
import { auditActorOf } from './settlement-store.ts';

/**
 * The list of audit institutions (财产调查规定 art. 18: the auditor is chosen at random among the
 * qualified ones). An administrator keeps it for their court: an institution serves the cases of
 * that court and of every court below it.
 */
type InstitutionRow = typeof auditInstitutions.$inferSelect;

function institutionView(r: InstitutionRow): TAuditInstitution {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.creditCode,
    courtId: r.courtId,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdByName,
  };
}

export async function addAuditInstitution(
  db: Db,
  actor: Actor,
  input: TAuditInstitutionInput,
): Promise<TAuditInstitution> {
  requireRole(actor, Role.admin);
  let creditCode: string | null = null;
  if (input.creditCode !== undefined) {
    const checked = validateCreditCode(input.creditCode);
    if (!checked.ok) throw invalidField('creditCode', checked.reason.zh, checked.reason.en);
    creditCode = checked.value;
  }
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [row] = await tx
      .insert(auditInstitutions)
      .values({
        id,
        courtId: actor.court.id,
        courtPath: actor.court.path,
        name: input.name,
        creditCode,
        createdAt: clock.now(),
        createdBy: actor.userId,
        createdByName: actor.displayName,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const message = bi('本院名单中已有同名审计机构', 'The court’s list already has this institution');
      throw new AppError(ErrorCode.conflict, message, [{ path: 'name', message }]);
    }
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.audit-institution.add',
      objectType: 'auditInstitution',
      objectId: id,
      detail: { name: input.name, creditCode },
    });
    return institutionView(row);
  });
}

/** The institutions an administrator sees: those serving their court, and those kept below it. */
export async function listAuditInstitutions(db: Db, actor: Actor): Promise<TAuditInstitution[]> {
  requireRole(actor, Role.admin);
  const path = actor.court.path;
  const rows = await db
    .select()
    .from(auditInstitutions)
    .where(
      or(
        sql`starts_with(${auditInstitutions.courtPath}, ${path})`,
        sql`starts_with(${path}, ${auditInstitutions.courtPath})`,
      ),
    )
    .orderBy(asc(auditInstitutions.createdAt), asc(auditInstitutions.id));
  return rows.map(institutionView);
}

/** The roster a lottery for a case of the court at `courtPath` draws from, in roster order. */
export async function auditRosterFor(db: DbOrTx, courtPath: string): Promise<RosterEntry[]> {
  const rows = await db
    .select({ id: auditInstitutions.id, name: auditInstitutions.name })
    .from(auditInstitutions)
    .where(sql`starts_with(${courtPath}, ${auditInstitutions.courtPath})`)
    .orderBy(asc(auditInstitutions.createdAt), asc(auditInstitutions.id));
  return rows;
}
