import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { Specialism } from '../rules/valuation-appraisal.ts';
import { assertCanKeepRoster } from '../valuation-policy.ts';

/**
 * The roster of appraisal firms (评估机构名单库), one sub-roster per specialism, in roster order:
 * the order a lottery's published roster lists them in.
 */
export type AppraiserRow = {
  id: string;
  name: string;
  specialism: Specialism;
  creditCode: string | null;
  rosterPosition: number;
  isActive: boolean;
};

const columns = sql`id, name, specialism, credit_code as "creditCode", roster_position::float8 as "rosterPosition",
  is_active as "isActive"`;

export async function listAppraisers(
  db: DbOrTx,
  specialism?: Specialism,
): Promise<{ items: AppraiserRow[] }> {
  const items = await db.execute<AppraiserRow>(sql`select ${columns} from disposal.appraisers
    ${specialism ? sql`where specialism = ${specialism}` : sql``} order by specialism, roster_position`);
  return { items };
}

/** The active firms of one specialism, in roster order: what a lottery draws from. */
export async function activeRoster(db: DbOrTx, specialism: Specialism): Promise<AppraiserRow[]> {
  return db.execute<AppraiserRow>(sql`select ${columns} from disposal.appraisers
    where specialism = ${specialism} and is_active order by roster_position`);
}

export async function findAppraisers(db: DbOrTx, ids: readonly string[]): Promise<Map<string, AppraiserRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.execute<AppraiserRow>(sql`select ${columns} from disposal.appraisers
    where id = any(${sql.param([...ids])}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Adds a firm at the end of its specialism's roster. */
export async function addAppraiser(
  db: Db,
  actor: Actor,
  input: { name: string; specialism: Specialism; creditCode?: string },
): Promise<AppraiserRow> {
  assertCanKeepRoster(actor);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const rows = await tx.execute<AppraiserRow>(sql`insert into disposal.appraisers (id, name, specialism,
        credit_code, created_by)
      values (${id}::uuid, ${input.name}, ${input.specialism}, ${input.creditCode?.toUpperCase() ?? null},
        ${actor.userId}::uuid)
      on conflict (specialism, name) do nothing
      returning ${columns}`);
    const row = rows[0];
    if (!row) {
      throw new AppError(
        ErrorCode.conflict,
        bi('名单中已有同名评估机构', 'The roster already has this appraiser'),
        [{ path: 'name', message: bi('同一专业名单中名称重复', 'Same name in the same roster') }],
      );
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'disposal.appraiser.add',
      objectType: 'appraiser',
      objectId: id,
      detail: { name: input.name, specialism: input.specialism },
    });
    return row;
  });
}
