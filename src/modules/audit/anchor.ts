import { existsSync } from 'node:fs';
import type { Query } from './chain.ts';
import { type Checkpoint, isSignedBy, readChainIdentity, signedAtText } from './checkpoint.ts';
import { readCheckpointsFromEnd } from './checkpoint-file.ts';
import { loadPublicKey, type PublicKeyInfo } from './signing-key.ts';

/** Where verification finds the checkpoints and the key to check them with. */
export type CheckpointSources = { keyFile: string; checkpointFile: string };

export type Anchor = Checkpoint & { source: 'file' | 'table' };

/** What the file says: read before the snapshot the chain is checked in, so it covers nothing unseen. */
export type FileAnchor = {
  key: PublicKeyInfo | null;
  chain: string;
  checkpoint: Checkpoint | null;
  problems: string[];
};

const maxReported = 10;

/** The newest line of the checkpoint file for this database that the audit key signed. */
export async function readFileAnchor(sql: Query, sources: CheckpointSources): Promise<FileAnchor> {
  const key = await loadPublicKey(sources.keyFile);
  const chain = await readChainIdentity(sql);
  if (!key) return { key, chain, checkpoint: null, problems: [] };
  return { key, chain, ...(await readFileCheckpoint(sources.checkpointFile, chain, key)) };
}

/** The newest checkpoint of `chain` in `file` that `key` signed, and what was wrong after it. */
export async function readFileCheckpoint(
  file: string,
  chain: string,
  key: PublicKeyInfo,
): Promise<{ checkpoint: Checkpoint | null; problems: string[] }> {
  const problems: string[] = [];
  const otherChains = new Set<string>();
  for await (const line of readCheckpointsFromEnd(file)) {
    if ('unreadable' in line) {
      problems.push(`checkpoint file ${file}: unreadable line "${line.unreadable}"`);
      continue;
    }
    if (line.checkpoint.chain !== chain) {
      if (isSignedBy(line.checkpoint, key)) otherChains.add(line.checkpoint.chain);
      continue;
    }
    if (isSignedBy(line.checkpoint, key)) return { checkpoint: line.checkpoint, problems };
    problems.push(
      `checkpoint file: the checkpoint of record ${line.checkpoint.chainSeq} is not signed by the audit key`,
    );
  }
  // Signed checkpoints of other databases only: this one replaced another, or the folder is not its own.
  if (otherChains.size > 0) {
    problems.push(
      `checkpoint file ${file} holds checkpoints of another database (chain ${[...otherChains].join(', ')}) ` +
        `but none of this one (chain ${chain}): was the database replaced? A database moved on purpose starts a new file`,
    );
  }
  return { checkpoint: null, problems };
}

/**
 * The newest checkpoint verification may trust (docs/decisions/0012): the file's, or a newer row
 * of `audit.checkpoints` that the key signed — a signature cannot be forged, so a row is believed
 * for its signature, never for being in the table. Also reported: rows the key did not sign, and
 * the file's newest checkpoint gone from the table.
 */
export async function findAnchor(
  tx: Query,
  sources: CheckpointSources,
  file: FileAnchor,
): Promise<{ anchor: Anchor | null; problems: string[] }> {
  const problems = [...file.problems];
  const { key, chain } = file;
  const fromFile = file.checkpoint;
  if (!key) {
    const [stored] = await tx<
      { n: number }[]
    >`select count(*)::int as n from audit.checkpoints where chain = ${chain}`;
    if (existsSync(sources.checkpointFile) || (stored?.n ?? 0) > 0) {
      problems.push(
        `checkpoints cannot be checked: no audit key at ${sources.keyFile} (ZHIXING_AUDIT_KEY_FILE)`,
      );
    }
    return { anchor: null, problems };
  }
  const rows = tx<
    { chainSeq: string; headHash: string; signedAt: string; keyId: string; signature: string }[]
  >`
    select chain_seq::text as "chainSeq", head_hash as "headHash", ${tx.unsafe(signedAtText)} as "signedAt", key_id as "keyId", signature
    from audit.checkpoints where chain = ${chain} and chain_seq >= ${fromFile?.chainSeq ?? 0}
    order by chain_seq desc, id desc`.cursor(500);
  let fromTable: Checkpoint | null = null;
  let unsigned = 0;
  let isFileCheckpointStored = false;
  search: for await (const batch of rows) {
    for (const r of batch) {
      const c = { chain, ...r, chainSeq: Number(r.chainSeq) };
      if (!isSignedBy(c, key)) {
        unsigned += 1;
        if (unsigned <= maxReported) {
          problems.push(
            `audit.checkpoints: the checkpoint of record ${c.chainSeq} is not signed by the audit key (forged)`,
          );
        }
        continue;
      }
      fromTable ??= c;
      if (fromFile === null) break search;
      if (c.chainSeq === fromFile.chainSeq && c.signature === fromFile.signature) {
        isFileCheckpointStored = true;
        break search;
      }
    }
  }
  if (unsigned > maxReported) {
    problems.push(
      `audit.checkpoints: ${unsigned - maxReported} more checkpoints not signed by the audit key`,
    );
  }
  if (fromFile && !isFileCheckpointStored) {
    problems.push(
      `the checkpoint of record ${fromFile.chainSeq} (${fromFile.signedAt}) is in the file but gone from audit.checkpoints (deleted)`,
    );
  }
  if (fromTable && (!fromFile || fromTable.chainSeq > fromFile.chainSeq))
    return { anchor: { ...fromTable, source: 'table' }, problems };
  return { anchor: fromFile ? { ...fromFile, source: 'file' } : null, problems };
}
