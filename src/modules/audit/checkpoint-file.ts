import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { type Checkpoint, ZCheckpointSchema } from './checkpoint.ts';

/**
 * The checkpoint file (`<ZHIXING_DATA_DIR>/audit/checkpoints.jsonl`): one signed checkpoint per
 * line, only ever appended to, outside the database — the copy that verification trusts.
 */
export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a', 0o644);
  try {
    await handle.write(`${JSON.stringify(checkpoint)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

export type FileLine = { checkpoint: Checkpoint } | { unreadable: string };

/**
 * The lines of the file, last first, read from the end in blocks: a year of checkpoints need not
 * be read to find the newest. Every line is ASCII (JSON of hex, base64 and ISO instants), so a
 * block boundary never splits a character. A missing file has no lines.
 */
export async function* readCheckpointsFromEnd(file: string): AsyncGenerator<FileLine> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return;
    throw err;
  }
  try {
    let position = (await handle.stat()).size;
    let partial = '';
    const block = Buffer.alloc(64 * 1024);
    while (position > 0) {
      const length = Math.min(block.length, position);
      position -= length;
      await handle.read(block, 0, length, position);
      const lines = (block.toString('latin1', 0, length) + partial).split('\n');
      partial = lines.shift() ?? '';
      for (const line of lines.reverse()) if (line !== '') yield parseLine(line);
    }
    if (partial !== '') yield parseLine(partial);
  } finally {
    await handle.close();
  }
}

function parseLine(line: string): FileLine {
  try {
    const parsed = ZCheckpointSchema.safeParse(JSON.parse(line));
    return parsed.success ? { checkpoint: parsed.data } : { unreadable: line.slice(0, 80) };
  } catch {
    return { unreadable: line.slice(0, 80) };
  }
}
