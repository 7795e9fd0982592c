import assert from 'node:assert/strict';
import { makeIdNumber } from '../src/kernel/index.ts';
import { allSubscribers } from '../src/modules.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import type { TestApp } from './support.ts';

/** Helpers shared by the credit and matching tests: cases with respondents, a listing, events delivered. */
let serial = 0;

/** An adult born in 1980–1989, registered in `division` (a valid GB 11643 number). */
export function anAdult(division = '330106', overrides: Record<string, unknown> = {}) {
  serial += 1;
  const birth = `198${serial % 10}-0${1 + (serial % 9)}-1${serial % 10}`;
  return aPerson({
    idNumber: makeIdNumber(division, birth, String(100 + (serial % 800)).padStart(3, '0')),
    ...overrides,
  });
}

export async function fileCaseWith(
  t: TestApp,
  token: string,
  respondents: unknown[],
  overrides: Record<string, unknown> = {},
) {
  const res = await t.request('POST', '/api/v1/cases', {
    token,
    body: aCaseBody({ respondents, ...overrides }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const detail = await t.request('GET', `/api/v1/cases/${res.body.id}`, { token });
  return {
    id: String(res.body.id),
    caseNumber: String(res.body.caseNumber),
    respondents: detail.body.respondents as {
      id: string;
      name: string;
      idNumber: string | null;
      creditCode: string | null;
    }[],
  };
}

export async function listAndApprove(
  t: TestApp,
  caseId: string,
  respondentId: string,
  body: Record<string, unknown> = {},
) {
  const judge = await t.login('xihu.judge');
  const president = await t.login('xihu.president');
  const listed = await t.request('POST', `/api/v1/cases/${caseId}/dishonest`, {
    token: judge,
    body: { respondentId, ground: 2, facts: '以虚假证据对抗执行', ...body },
  });
  assert.equal(listed.status, 201, JSON.stringify(listed.body));
  assert.equal(listed.body.state, 'pendingApproval');
  const approved = await t.request('POST', `/api/v1/credit/entries/${listed.body.id}/approve`, {
    token: president,
    body: {},
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  return String(listed.body.id);
}

/** Delivers every pending outbox event to the subscribers (what the worker does every 300 ms). */
export async function deliverEvents(t: TestApp): Promise<void> {
  const dispatcher = createOutboxDispatcher(t.database, allSubscribers(), createLogger('silent'));
  await dispatcher.runOnce();
}

export { aCompany, aPerson };
