import type { Sql } from '../../platform/db.ts';
import { canonicalColumns, chainHash, genesisHash } from './chain.ts';

type Unsealed = { id: string; canonical: string };

/**
 * Seals every committed row into the chain; returns how many were sealed. One sealer at a time
 * (advisory lock). A row is sealed once its transaction has committed — it is then visible here —
 * whatever other transactions, of this database or another of the same server, are still running.
 */
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
         where chain_seq is null
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
