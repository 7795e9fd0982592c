import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { lotteryScheme, rosterDigestOf } from '../rules/lottery.ts';
import type { Specialism } from '../rules/valuation-appraisal.ts';
import type { TLottery } from '../valuation-contracts.ts';
import { isUuid } from './valuation-store.ts';

/**
 * A lottery's public record (docs/protocols/valuation.md §7): the roster as published, its digest,
 * the commitment, and — once drawn — the seed, the witness value and the result, from which
 * anyone can recompute the draw. The seed is never shown before the draw.
 */
export type LotteryRow = {
  id: string;
  valuationId: string;
  specialism: Specialism;
  roster: { id: string; name: string }[];
  commitment: string;
  seed: string;
  witness: string | null;
  result: number[] | null;
  committedAt: string | Date;
  drawnAt: string | Date | null;
};

const columns = sql`id, valuation_id as "valuationId", specialism, roster, commitment, seed, witness, result,
  committed_at as "committedAt", drawn_at as "drawnAt"`;

export async function findLottery(
  db: DbOrTx,
  by: { id: string } | { valuationId: string },
  opts: { forUpdate?: boolean } = {},
): Promise<LotteryRow | undefined> {
  const key = 'id' in by ? by.id : by.valuationId;
  if (!isUuid(key)) return undefined;
  const where = 'id' in by ? sql`id = ${key}::uuid` : sql`valuation_id = ${key}::uuid`;
  const rows = await db.execute<LotteryRow>(
    sql`select ${columns} from disposal.lotteries where ${where} ${opts.forUpdate ? sql`for update` : sql``}`,
  );
  return rows[0];
}

function iso(v: string | Date): string {
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

export function lotteryView(l: LotteryRow): TLottery {
  const isDrawn = l.drawnAt !== null && l.result !== null;
  return {
    id: l.id,
    valuationId: l.valuationId,
    scheme: lotteryScheme,
    specialism: l.specialism,
    roster: l.roster.map((a, position) => ({ position, appraiserId: a.id, name: a.name })),
    rosterDigest: rosterDigestOf(l.roster.map((a) => a.id)),
    commitment: l.commitment,
    committedAt: iso(l.committedAt),
    seed: isDrawn ? l.seed : null,
    witness: isDrawn ? (l.witness ?? '') : null,
    drawnAt: l.drawnAt === null ? null : iso(l.drawnAt),
    result:
      isDrawn && l.result
        ? l.result.map((position, place) => ({
            place: place + 1,
            position,
            appraiserId: l.roster[position]?.id ?? '',
            name: l.roster[position]?.name ?? '',
          }))
        : null,
  };
}

/** `GET /api/v1/lotteries/{id}`: public, for anyone to check the draw. */
export async function getLottery(db: DbOrTx, id: string): Promise<TLottery> {
  const l = await findLottery(db, { id });
  if (!l) throw notFound('摇号记录', 'Lottery');
  return lotteryView(l);
}
