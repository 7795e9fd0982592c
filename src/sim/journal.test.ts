import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { type JournalRecord, openJournal } from './journal.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-journal-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function reopen(file: string, seed = 1): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  const journal = await openJournal(file, { seed, onRecord: (r) => records.push(r) });
  await journal.close();
  return records;
}

describe('journal', () => {
  it('gives back every record in order after a restart, behind a header with the seed', async () => {
    const file = path.join(dir, 'a', 'journal.jsonl');
    const journal = await openJournal(file, { seed: 1, onRecord: () => {} });
    const writes = Array.from({ length: 500 }, (_, i) => journal.append({ t: 'clock', offsetMs: i }));
    await Promise.all(writes);
    await journal.append({ t: 'answer', requestId: 'r1', simNow: 5 });
    await journal.close();
    const records = await reopen(file);
    assert.deepEqual(records[0], { t: 'header', seed: 1, version: 1 });
    assert.equal(records.length, 502);
    assert.deepEqual(
      records.slice(1, 501).map((r) => (r.t === 'clock' ? r.offsetMs : -1)),
      Array.from({ length: 500 }, (_, i) => i),
    );
  });

  it('cuts off a torn last line, so the next record starts on a line of its own', async () => {
    const file = path.join(dir, 'torn.jsonl');
    await reopen(file);
    appendFileSync(file, '{"t":"clock","offsetMs":7}\n{"t":"answer","requestId":"r2","sim');
    const journal = await openJournal(file, { seed: 1, onRecord: () => {} });
    await journal.append({ t: 'clock', offsetMs: 8 });
    await journal.close();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.deepEqual(
      lines.slice(1).map((l) => JSON.parse(l)),
      [
        { t: 'clock', offsetMs: 7 },
        { t: 'clock', offsetMs: 8 },
      ],
    );
  });

  it('refuses a journal written with another seed, and one it cannot read', async () => {
    const file = path.join(dir, 'seeded.jsonl');
    await reopen(file, 1);
    await assert.rejects(reopen(file, 2), /seed 1, not 2/);
    const garbled = path.join(dir, 'garbled.jsonl');
    appendFileSync(garbled, '{"t":"header","seed":1,"version":1}\nnot json\n{"t":"clock","offsetMs":1}\n');
    await assert.rejects(reopen(garbled, 1), /Unrecognised journal record/);
  });
});
