import { chinaDateOf } from '../../../kernel/index.ts';
import type { Sql } from '../../../platform/db.ts';
import { readFileCheckpoint } from '../anchor.ts';
import { findRowProblems, genesisHash, type Head, type Query, readHead, readSealedRows } from '../chain.ts';
import {
  type Checkpoint,
  isSignedBy,
  readChainIdentity,
  signCheckpoint,
  signedAtText,
} from '../checkpoint.ts';
import { appendCheckpoint } from '../checkpoint-file.ts';
import type { SigningKey } from '../signing-key.ts';

/**
 * Signs the chain's head and appends the checkpoint to the file, then to `audit.checkpoints`
 * (docs/decisions/0012-audit-that-owners-cannot-rewrite.md). One writer at a time of however many
 * workers (advisory lock); nothing is written when the head has not moved since the last
 * checkpoint of the same China day. It signs only a chain that extends the last checkpoint: if
 * records were deleted or recomputed since, it refuses, and the worker's log says so.
 */
export async function writeCheckpoint(
  sql: Sql,
  opts: { key: SigningKey; file: string; now: Date },
): Promise<Checkpoint | null> {
  return sql.begin(async (tx) => {
    const [lock] = await tx<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(8240003) as ok`;
    if (!lock?.ok) return null;
    const head = await readHead(tx);
    if (!head) return null;
    const chain = await readChainIdentity(tx);
    // The newer of the file's last checkpoint and the table's: the owner may empty the table.
    const fromFile = (await readFileCheckpoint(opts.file, chain, opts.key)).checkpoint;
    const fromTable = await readLastCheckpoint(tx, chain, opts.key);
    const last = fromFile && (!fromTable || fromFile.chainSeq >= fromTable.chainSeq) ? fromFile : fromTable;
    const signedAt = opts.now.toISOString();
    const isSameDay = last !== null && chinaDateOf(new Date(last.signedAt)) === chinaDateOf(opts.now);
    const isUnmoved = last !== null && BigInt(last.chainSeq) === head.seq && last.headHash === head.hash;
    if (isUnmoved && isSameDay) return null;
    await assertExtends(tx, last, head);
    const checkpoint = signCheckpoint(opts.key, {
      chain,
      chainSeq: Number(head.seq),
      headHash: head.hash,
      signedAt,
    });
    await appendCheckpoint(opts.file, checkpoint);
    await tx`insert into audit.checkpoints (chain, chain_seq, head_hash, signed_at, china_date, key_id, signature)
      values (${chain}, ${checkpoint.chainSeq}, ${checkpoint.headHash}, ${signedAt}, ${chinaDateOf(opts.now)},
              ${checkpoint.keyId}, ${checkpoint.signature})`;
    return checkpoint;
  });
}

/** The newest checkpoint in the table that this key really signed (a forged row is passed over). */
async function readLastCheckpoint(tx: Query, chain: string, key: SigningKey): Promise<Checkpoint | null> {
  const rows = await tx<{ chainSeq: string; headHash: string; signedAt: string; signature: string }[]>`
    select chain_seq::text as "chainSeq", head_hash as "headHash", ${tx.unsafe(signedAtText)} as "signedAt", signature
    from audit.checkpoints where chain = ${chain} and key_id = ${key.keyId}
    order by chain_seq desc, id desc limit 20`;
  for (const r of rows) {
    const c = {
      chain,
      chainSeq: Number(r.chainSeq),
      headHash: r.headHash,
      signedAt: r.signedAt,
      keyId: key.keyId,
      signature: r.signature,
    };
    if (isSignedBy(c, key)) return c;
  }
  return null;
}

/** Recomputes the chain from the last checkpoint to the head; throws if it does not extend it. */
async function assertExtends(tx: Query, last: Checkpoint | null, head: Head): Promise<void> {
  let prev = last?.headHash ?? genesisHash;
  let expected = BigInt(last?.chainSeq ?? 0) + 1n;
  if (last) {
    if (head.seq < BigInt(last.chainSeq)) {
      throw new Error(
        `audit chain ends at ${head.seq}, before its checkpoint of ${last.signedAt} (${last.chainSeq}): records were deleted; not signed`,
      );
    }
    const [row] = await tx<
      { hash: string }[]
    >`select hash from audit.records where chain_seq = ${last.chainSeq}`;
    if (row?.hash !== last.headHash) {
      throw new Error(
        `audit record ${last.chainSeq} differs from its checkpoint of ${last.signedAt}: the chain was rewritten; not signed`,
      );
    }
  }
  for await (const batch of readSealedRows(tx, expected - 1n, head.seq)) {
    for (const row of batch) {
      const problems = findRowProblems(row, expected, prev);
      if (problems.length > 0) {
        throw new Error(`audit record ${row.seq}: ${problems.join('; ')}; not signed`);
      }
      prev = row.hash;
      expected = BigInt(row.seq) + 1n;
    }
  }
  if (expected - 1n !== head.seq)
    throw new Error(`audit chain ends at ${expected - 1n}, not at ${head.seq}; not signed`);
}
