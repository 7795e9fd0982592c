import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { institutionKeys, type Simulator, startSimulator, ZEnvelopeSchema } from '../src/sim/index.ts';
import {
  type CallbackReceiver,
  createProtocolClient,
  type ProtocolClient,
  type ProtocolResponse,
  startCallbackReceiver,
  waitFor,
} from '../src/sim/protocol-client.ts';

const secret = 'callback-test-secret';
const keys = institutionKeys(secret);
const CASE = { caseNumber: '（2026）浙0102执55号', court: '杭州市上城区人民法院' };
const MAX_ATTEMPTS = 4;

let sim: Simulator;
let receiver: CallbackReceiver;
let icbc: ProtocolClient;
let serial = 0;

const idOf = (r: ProtocolResponse): string => {
  assert.equal(r.status, 202, r.text);
  return ZEnvelopeSchema.pick({ requestId: true }).parse(r.json).requestId;
};
const someone = () => {
  serial++;
  return { kind: 'person', name: `回调测试${serial}`, idNumber: '330106198503151230' };
};
/** Submits a query whose answer goes to `url`; returns the request id. */
const submitQuery = async (url: string): Promise<string> =>
  idOf(
    await icbc.submit(
      'query',
      { subject: someone(), ...CASE, callbackUrl: url },
      `cb-${serial}-${Date.now()}`,
    ),
  );
const callbacksFor = (requestId: string) =>
  receiver.received.filter((c) => c.callbackId === `cb-${requestId}`);

before(async () => {
  sim = await startSimulator({
    secret,
    knobs: { latencyMedianMs: 2, latencyP99Ms: 10 },
    callbacks: { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: MAX_ATTEMPTS },
  });
  receiver = await startCallbackReceiver(keys);
  icbc = createProtocolClient(`${sim.url}/institutions/icbc`, 'icbc', keys.icbc ?? '');
});
beforeEach(() => {
  receiver.setResponder((c) => (c.signature !== 'ok' ? 401 : c.envelope === undefined ? 400 : 204));
  sim.setKnobs('*', { malformedCallbackRate: 0, duplicateCallbackRate: 0 });
});
after(async () => {
  await receiver.close();
  await sim.close();
});

describe('sim callbacks', () => {
  it('pushes the answer to the callback URL, signed with the institution key, the same as polling shows', async () => {
    const requestId = await submitQuery(receiver.url);
    const [callback] = await waitFor(
      () => (callbacksFor(requestId).length > 0 ? callbacksFor(requestId) : undefined),
      'callback',
    );
    assert.ok(callback);
    assert.equal(callback.signature, 'ok');
    assert.equal(callback.institution, 'icbc');
    const envelope = ZEnvelopeSchema.parse(callback.envelope);
    assert.equal(envelope.requestId, requestId);
    assert.equal(envelope.result?.status, 'answered');
    assert.equal((await icbc.poll(requestId)).text, callback.body);
  });

  it('retries a refused callback with backoff until it is acknowledged', async () => {
    let refusals = 2;
    receiver.setResponder(() => (refusals-- > 0 ? 503 : 204));
    const requestId = await submitQuery(receiver.url);
    const seen = await waitFor(() => {
      const list = callbacksFor(requestId);
      return list.some((c) => c.answeredStatus === 204) ? list : undefined;
    }, 'acknowledged callback');
    assert.deepEqual(
      seen.map((c) => c.answeredStatus),
      [503, 503, 204],
    );
    assert.ok(seen.every((c) => c.body === seen[0]?.body && c.signature === 'ok'));
  });

  it('gives up after a bounded number of attempts; the answer then waits for polling', async () => {
    receiver.setResponder(() => 500);
    const failedBefore = sim.stats().callbacks.failed;
    const requestId = await submitQuery(receiver.url);
    await waitFor(
      () => (sim.stats().callbacks.failed > failedBefore ? true : undefined),
      'callback given up',
    );
    assert.equal(callbacksFor(requestId).length, MAX_ATTEMPTS);
    const polled = ZEnvelopeSchema.parse((await icbc.poll(requestId)).json);
    assert.equal(polled.status, 'answered');
  });

  it('gives up on an unreachable receiver without disturbing anything else', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failedBefore = sim.stats().callbacks.failed;
    const lost = await submitQuery(`http://127.0.0.1:${port}/gone`);
    const fine = await submitQuery(receiver.url);
    await waitFor(() => (callbacksFor(fine).length > 0 ? true : undefined), 'the other callback');
    await waitFor(
      () => (sim.stats().callbacks.failed > failedBefore ? true : undefined),
      'unreachable given up',
    );
    assert.equal(ZEnvelopeSchema.parse((await icbc.poll(lost)).json).status, 'answered');
  });

  it('duplicate knob: the same callback (same id, same body) arrives twice', async () => {
    sim.setKnobs('icbc', { duplicateCallbackRate: 1 });
    const requestId = await submitQuery(receiver.url);
    const both = await waitFor(
      () => (callbacksFor(requestId).length >= 2 ? callbacksFor(requestId) : undefined),
      'duplicate',
    );
    assert.equal(both.length, 2);
    assert.equal(both[0]?.body, both[1]?.body);
    assert.ok(both.every((c) => c.signature === 'ok' && c.answeredStatus === 204));
  });

  it('malformed knob: the first delivery is truncated (signed as sent), refused, then delivered whole', async () => {
    sim.setKnobs('icbc', { malformedCallbackRate: 1 });
    const requestId = await submitQuery(receiver.url);
    const seen = await waitFor(() => {
      const list = callbacksFor(requestId);
      return list.some((c) => c.answeredStatus === 204) ? list : undefined;
    }, 'whole callback');
    assert.equal(seen[0]?.signature, 'ok');
    assert.equal(seen[0]?.envelope, undefined);
    assert.equal(seen[0]?.answeredStatus, 400);
    assert.equal(ZEnvelopeSchema.parse(seen.at(-1)?.envelope).requestId, requestId);
    assert.ok(sim.stats().callbacks.malformed >= 1);
  });
});
