import { createHash } from 'node:crypto';
import type postgres from 'postgres';

/**
 * The hash chain over audit records (docs/decisions/0005-audit-hash-chain.md). Rows are written
 * without any lock; the sealer links committed rows in the order it finds them, so the chain order
 * is the order in which rows became final. hash(n) = SHA-256(hash(n-1) ‖ canonical(row)).
 */
export const genesisHash = '0'.repeat(64);

/** A pool or a transaction: where it matters, the chain is read in one transaction's snapshot. */
export type Query = postgres.ISql;

// The canonical text of a row: every column but the chain columns, with the timestamp as exact
// epoch seconds (microseconds) so that the text does not depend on the session's time zone.
export const canonicalColumns = `jsonb_build_array(id, extract(epoch from occurred_at)::text, actor_id, actor_name, court_id,
  action, object_type, object_id, purpose, outcome, detail, tx_id::text)::text`;

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type SealedRow = { id: string; seq: string; prev_hash: string; hash: string; canonical: string };

/** The sealed rows after `afterSeq` (up to `uptoSeq`), in chain order, in batches. */
export function readSealedRows(tx: Query, afterSeq: bigint, uptoSeq?: bigint) {
  return tx
    .unsafe<SealedRow[]>(
      `select id::text as id, chain_seq::text as seq, prev_hash, hash, ${canonicalColumns} as canonical
       from audit.records where chain_seq > $1::bigint and ($2::bigint is null or chain_seq <= $2::bigint)
       order by chain_seq`,
      [afterSeq.toString(), uptoSeq === undefined ? null : uptoSeq.toString()],
    )
    .cursor(2000);
}

/** What is wrong with one sealed row, given the sequence number and hash the row before it left. */
export function findRowProblems(row: SealedRow, expectedSeq: bigint, prevHash: string): string[] {
  const problems: string[] = [];
  const seq = BigInt(row.seq);
  if (seq !== expectedSeq)
    problems.push(`records ${expectedSeq}–${seq - 1n} of the chain are missing (removed)`);
  if (row.prev_hash !== prevHash) problems.push('link to the previous record is broken');
  if (chainHash(row.prev_hash, row.canonical) !== row.hash) {
    problems.push('record content was altered (hash mismatch)');
  }
  return problems;
}

export type Head = { seq: bigint; hash: string };

/** The newest sealed record. */
export async function readHead(tx: Query): Promise<Head | null> {
  const [head] = await tx<{ seq: string; hash: string }[]>`
    select chain_seq::text as seq, hash from audit.records
    where chain_seq is not null order by chain_seq desc limit 1`;
  return head ? { seq: BigInt(head.seq), hash: head.hash } : null;
}
