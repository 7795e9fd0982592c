import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { createScheduler } from './scheduler.ts';

it('runs every scheduled item once, in order of due time', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), async (delays) => {
      const ran: string[] = [];
      let clock = 0;
      const scheduler = createScheduler(
        (id) => ran.push(id),
        () => clock,
      );
      for (const [i, d] of delays.entries()) scheduler.schedule(d, `${i}`);
      // Move the injected clock past every due time; the real timers fire at once.
      clock = 100;
      for (let i = 0; i < 2000 && ran.length < delays.length; i++) await new Promise((r) => setTimeout(r, 1));
      scheduler.stop();
      assert.equal(ran.length, delays.length);
      const dues = ran.map((id) => delays[Number(id)] ?? -1);
      assert.deepEqual(
        dues,
        [...dues].sort((a, b) => a - b),
      );
    }),
    { numRuns: 50 },
  );
});
