import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkedUtf8, incompleteTail } from './json-body.ts';

async function passes(chunks: Uint8Array[]): Promise<boolean> {
  const out: Buffer[] = [];
  try {
    await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), checkedUtf8(), async (source) => {
      for await (const chunk of source) out.push(chunk);
    });
  } catch {
    return false;
  }
  assert.deepEqual(Buffer.concat(out), Buffer.concat(chunks), 'the bytes pass unchanged');
  return true;
}

test('a character split across chunks is whole; a cut one is not', async () => {
  const text = Buffer.from('{"name":"张三丰 😀"}');
  for (let cut = 1; cut < text.length; cut++) {
    assert.equal(await passes([text.subarray(0, cut), text.subarray(cut)]), true, `cut at ${cut}`);
  }
  assert.equal(await passes([Buffer.from('{"a":"'), Buffer.from([0xe5, 0xbc])]), false, 'ends mid-character');
  assert.equal(await passes([Buffer.from([0x22, 0xff, 0x22])]), false);
  assert.equal(await passes([Buffer.from([0xc0, 0xaf])]), false, 'overlong encoding');
  assert.equal(await passes([Buffer.from([0xed, 0xa0, 0x80])]), false, 'a lone surrogate');
  assert.equal(incompleteTail(Buffer.from([0x61, 0xe5, 0xbc])), 2);
  assert.equal(incompleteTail(Buffer.from([0x61, 0xe5, 0xbc, 0xa0])), 0);
});

test('however the bytes are chunked, the stream fails exactly when they are not UTF-8', async () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s))),
  );
  await fc.assert(
    fc.asyncProperty(bytes, fc.array(fc.nat(), { maxLength: 5 }), async (whole, cuts) => {
      const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...points].map((start, i) => whole.subarray(start, points[i] ?? whole.length));
      assert.equal(await passes(chunks.filter((c) => c.length > 0)), isUtf8(whole));
    }),
  );
});
