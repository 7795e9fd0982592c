import { createHash } from 'node:crypto';
import type { Sql } from '../../platform/db.ts';

/**
 * The hash chain over audit records. Rows are written without any lock; the sealer links rows
 * whose writing transaction has finished (xid below the oldest running one) in id order, so the
 * chain order is the order in which rows became final. hash(n) = SHA-256(hash(n-1) ‖ canonical(row)).
 */
export const genesisHash = '0'.repeat(64);

// The canonical text of a row: every column but the chain columns, with the timestamp as exact
// epoch seconds (microseconds) so that the text does not depend on the session's time zone.
const canonicalColumns = `jsonb_build_array(id, extract(epoch from occurred_at)::text, actor_id, actor_name, court_id,
  action, object_type, object_id, purpose, outcome, detail, tx_id::text)::text`;

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

type Unsealed = { id: string; canonical: string };

/** Seals every finished row; returns how many were sealed. One sealer at a time (advisory lock). */
export async function sealAudit(sql: Sql, batchSize = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sql.begin(async (tx) => {
      const [lock] = await tx<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(8240002) as ok`;
      if (!lock?.ok) return 0;
      const [head] = await tx<{ seq: string; hash: string; id: string; at: string }[]>`
        select chain_seq::text as seq, hash, id::text as id, occurred_at::text as at from audit.records
        where chain_seq is not null order by chain_seq desc limit 1`;
      // A finished row far behind the head (older than any transaction can run) was not written by
      // the application: it stays unsealed so that `verify` reports it as inserted.
      const rows = await tx.unsafe<Unsealed[]>(
        `select id::text as id, ${canonicalColumns} as canonical from audit.records
         where chain_seq is null and tx_id < pg_snapshot_xmin(pg_current_snapshot())
           and not (id < $2::bigint and occurred_at < $3::timestamptz - interval '10 minutes')
         order by id limit $1`,
        [batchSize, head?.id ?? '0', head?.at ?? '-infinity'],
      );
      if (rows.length === 0) return 0;
      let seq = head ? BigInt(head.seq) : 0n;
      let prev = head?.hash ?? genesisHash;
      const ids: string[] = [];
      const seqs: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1n;
        const hash = chainHash(prev, row.canonical);
        ids.push(row.id);
        seqs.push(seq.toString());
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx`update audit.records r set chain_seq = v.seq::bigint, prev_hash = v.prev, hash = v.hash
        from (select unnest(${ids}::bigint[]) as id, unnest(${seqs}::text[]) as seq,
                     unnest(${prevs}::text[]) as prev, unnest(${hashes}::text[]) as hash) v
        where r.id = v.id`;
      return rows.length;
    });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

export type VerifyProblem = { chainSeq: string | null; id: string | null; problem: string };
export type VerifyReport = { checked: number; unsealed: number; problems: VerifyProblem[] };

/** Recomputes the whole chain and reports altered, inserted or removed rows. */
export async function verifyAudit(sql: Sql): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  let prev = genesisHash;
  let expectedSeq = 1n;
  let checked = 0;
  const cursor = sql
    .unsafe<{ id: string; seq: string; prev_hash: string; hash: string; canonical: string }[]>(
      `select id::text as id, chain_seq::text as seq, prev_hash, hash, ${canonicalColumns} as canonical
       from audit.records where chain_seq is not null order by chain_seq`,
    )
    .cursor(2000);
  for await (const batch of cursor) {
    for (const row of batch) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) {
        problems.push({
          chainSeq: row.seq,
          id: row.id,
          problem: `records ${expectedSeq}–${seq - 1n} of the chain are missing (removed)`,
        });
      }
      if (row.prev_hash !== prev) {
        problems.push({ chainSeq: row.seq, id: row.id, problem: 'link to the previous record is broken' });
      }
      if (chainHash(row.prev_hash, row.canonical) !== row.hash) {
        problems.push({
          chainSeq: row.seq,
          id: row.id,
          problem: 'record content was altered (hash mismatch)',
        });
      }
      prev = row.hash;
      expectedSeq = seq + 1n;
      checked += 1;
    }
  }
  const [late] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit.records
    where chain_seq is null and tx_id < pg_snapshot_xmin(pg_current_snapshot())`;
  const [head] = await sql<{ id: string; at: string }[]>`
    select id::text as id, occurred_at::text as at from audit.records
    where chain_seq is not null order by chain_seq desc limit 1`;
  if (head) {
    const inserted = await sql<{ id: string }[]>`
      select id::text as id from audit.records
      where chain_seq is null and id < ${head.id}::bigint
        and occurred_at < ${head.at}::timestamptz - interval '10 minutes'
        and tx_id < pg_snapshot_xmin(pg_current_snapshot())`;
    for (const r of inserted) {
      problems.push({ chainSeq: null, id: r.id, problem: 'row inserted behind the sealed chain' });
    }
  }
  return { checked, unsealed: late?.n ?? 0, problems };
}
