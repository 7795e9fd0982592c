import assert from 'node:assert/strict';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Checkpoint } from './checkpoint.ts';
import { appendCheckpoint, type FileLine, readCheckpointsFromEnd } from './checkpoint-file.ts';

const checkpointOf = (n: number): Checkpoint => ({
  chain: '0123456789abcdef',
  chainSeq: n,
  headHash: n.toString(16).padStart(64, '0'),
  signedAt: new Date(Date.UTC(2026, 0, 1) + n * 10_000).toISOString(),
  keyId: 'fedcba9876543210',
  signature: 'A'.repeat(88),
});

test('the checkpoint file is read from its end, across blocks, an unreadable line reported in its place', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhixing-checkpoints-'));
  try {
    const file = path.join(dir, 'audit', 'checkpoints.jsonl');
    // About 250 bytes a line: 1,000 lines span several 64 KiB blocks.
    for (let n = 1; n <= 500; n++) await appendCheckpoint(file, checkpointOf(n));
    await appendFile(file, '{"chain": "torn\n');
    for (let n = 501; n <= 1000; n++) await appendCheckpoint(file, checkpointOf(n));
    const lines: FileLine[] = [];
    for await (const line of readCheckpointsFromEnd(file)) lines.push(line);
    assert.equal(lines.length, 1001);
    assert.deepEqual(lines[0], { checkpoint: checkpointOf(1000) });
    assert.deepEqual(lines[500], { unreadable: '{"chain": "torn' });
    assert.deepEqual(lines[1000], { checkpoint: checkpointOf(1) });
    const seqs = lines.flatMap((l) => ('checkpoint' in l ? [l.checkpoint.chainSeq] : []));
    assert.deepEqual(
      seqs,
      Array.from({ length: 1000 }, (_, i) => 1000 - i),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a missing checkpoint file has no lines', async () => {
  const lines: FileLine[] = [];
  for await (const line of readCheckpointsFromEnd(path.join(os.tmpdir(), 'zhixing-no-such-file.jsonl'))) {
    lines.push(line);
  }
  assert.deepEqual(lines, []);
});
