import type { Sql } from '../../platform/db.ts';
import { type Anchor, type CheckpointSources, findAnchor, readFileAnchor } from './anchor.ts';
import { findRowProblems, genesisHash, readSealedRows } from './chain.ts';

export type VerifyProblem = { chainSeq: string | null; id: string | null; problem: string };
export type VerifyReport = {
  checked: number;
  unsealed: number;
  problems: VerifyProblem[];
  /** The signed checkpoint the chain was held against; null without `sources` or before the first. */
  checkpoint: Anchor | null;
};

/**
 * Recomputes the whole chain and reports altered, inserted or removed rows; with the checkpoint
 * `sources` (docs/decisions/0012), also holds it against the newest signed checkpoint: a chain
 * that ends before it lost its newest records, one whose hash differs at it was recomputed. Reads
 * one snapshot of the database.
 */
export async function verifyAudit(sql: Sql, sources?: CheckpointSources): Promise<VerifyReport> {
  // The file first: a checkpoint written after the snapshot below is taken could cover records
  // the snapshot does not see, and would look like records deleted.
  const file = sources ? await readFileAnchor(sql, sources) : null;
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const found = sources && file ? await findAnchor(tx, sources, file) : { anchor: null, problems: [] };
    const anchor = found.anchor;
    const problems: VerifyProblem[] = found.problems.map((problem) => ({
      chainSeq: null,
      id: null,
      problem,
    }));
    let prev = genesisHash;
    let expectedSeq = 1n;
    let checked = 0;
    for await (const batch of readSealedRows(tx, 0n)) {
      for (const row of batch) {
        for (const problem of findRowProblems(row, expectedSeq, prev)) {
          problems.push({ chainSeq: row.seq, id: row.id, problem });
        }
        if (anchor && row.seq === String(anchor.chainSeq) && row.hash !== anchor.headHash) {
          problems.push({
            chainSeq: row.seq,
            id: row.id,
            problem: `record differs from the checkpoint signed ${anchor.signedAt}: the chain up to it was rewritten and its hashes recomputed`,
          });
        }
        prev = row.hash;
        expectedSeq = BigInt(row.seq) + 1n;
        checked += 1;
      }
    }
    const last = expectedSeq - 1n;
    if (anchor && last < BigInt(anchor.chainSeq)) {
      problems.push({
        chainSeq: String(last + 1n),
        id: null,
        problem:
          `the chain was truncated: it ends at record ${last}, but the checkpoint signed ${anchor.signedAt} ` +
          `covers ${anchor.chainSeq} — records ${last + 1n}–${anchor.chainSeq} were deleted`,
      });
    }
    const [late] = await tx<
      { n: number }[]
    >`select count(*)::int as n from audit.records where chain_seq is null`;
    const [head] = await tx<{ id: string; at: string }[]>`
      select id::text as id, occurred_at::text as at from audit.records
      where chain_seq is not null order by chain_seq desc limit 1`;
    if (head) {
      const inserted = await tx<{ id: string }[]>`
        select id::text as id from audit.records
        where chain_seq is null and id < ${head.id}::bigint
          and occurred_at < ${head.at}::timestamptz - interval '10 minutes'`;
      for (const r of inserted) {
        problems.push({ chainSeq: null, id: r.id, problem: 'row inserted behind the sealed chain' });
      }
    }
    return { checked, unsealed: late?.n ?? 0, problems, checkpoint: anchor };
  });
}
