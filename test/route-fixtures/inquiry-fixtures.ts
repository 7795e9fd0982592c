import { createHash, createHmac, randomUUID } from 'node:crypto';
import { insertInstitution } from '../../src/modules/inquiry/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import { type CourtKey, institutionCode, institutionKey, type World } from './world.ts';

const purpose = '查明被执行人财产状况';
let serial = 0;

/** The inquiry protocol's signature (docs/protocols/inquiry.md), computed as an institution does. */
function signatureOf(key: string, path: string, timestamp: string, body: string): string {
  const digest = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', key).update(`POST\n${path}\n${timestamp}\n${digest}`).digest('hex');
}

/** A case whose judge has queried every institution: a batch and its requests, not yet sent. */
async function aQueriedCase(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/inquiries`,
    { purpose },
    202,
  );
  const requests = await world.t.database.sql<{ id: string }[]>`
    select id from inquiry.requests where case_id = ${onCase.caseId} order by id`;
  return { ...onCase, batchId: String(res.body.batchId), requestIds: requests.map((r) => r.id) };
}

/** The institution's signed answer to the case's query, reporting one deposit account. */
async function aSignedAnswer(world: World, court: CourtKey) {
  const queried = await aQueriedCase(world, court);
  const [accepted] = await world.t.database.sql<{ remote: string }[]>`
    update inquiry.requests set state = 'accepted', remote_request_id = id::text, attempts = 1
    where case_id = ${queried.caseId} and institution = ${institutionCode} and operation = 'query'
    returning remote_request_id as remote`;
  if (!accepted) throw new Error('no query request to answer');
  const rawBody = JSON.stringify({
    requestId: accepted.remote,
    institution: institutionCode,
    operation: 'query',
    status: 'answered',
    result: {
      status: 'answered',
      assets: [
        {
          assetType: 'deposit',
          identifier: `6222020200${String(Date.now()).slice(-9)}`,
          description: '活期存款',
          balanceFen: 50_000_000,
          availableFen: 50_000_000,
          encumbrances: [],
        },
      ],
    },
    answeredAt: new Date().toISOString(),
  });
  const path = `/api/v1/inquiry/callbacks/${institutionCode}`;
  const timestamp = String(Date.now());
  return {
    ...queried,
    path,
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-zx-institution': institutionCode,
      'x-zx-timestamp': timestamp,
      'x-zx-signature': signatureOf(institutionKey, path, timestamp, rawBody),
    },
  };
}

/** A case with a deposit account on its feedback list. */
async function anAnsweredCase(world: World, court: CourtKey) {
  const answer = await aSignedAnswer(world, court);
  const res = await world.t.request('POST', answer.path, { headers: answer.headers, body: answer.rawBody });
  if (res.status !== 200) throw new Error(`callback: ${res.status} ${JSON.stringify(res.body)}`);
  const [asset] = await world.t.database.sql<{ id: string }[]>`
    select id from inquiry.assets where case_id = ${answer.caseId}`;
  if (!asset) throw new Error('the answer left no asset');
  return { ...answer, assetId: asset.id };
}

/** Inquiry: queries, batches, requests, the feedback list, measures, institutions, notices, callbacks. */
export const inquiryFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/inquiries': {
    build: async (world, court) => ({ ...(await onNewCase(world, court)), body: { purpose } }),
  },
  'POST /api/v1/inquiry/batches': {
    build: async (world, court) => {
      const { caseId } = await onNewCase(world, court);
      return { caseId, body: { caseIds: [caseId], purpose }, namedBy: 'caseIds.0' };
    },
  },
  'GET /api/v1/inquiry/batches/{id}': {
    build: async (world, court) => {
      const queried = await aQueriedCase(world, court);
      return { caseId: queried.caseId, params: { id: queried.batchId } };
    },
  },
  'POST /api/v1/inquiry/requests/{id}/retry': {
    build: async (world, court) => {
      const queried = await aQueriedCase(world, court);
      const [id] = queried.requestIds;
      if (!id) throw new Error('no request to retry');
      await world.t.database.sql`update inquiry.requests set state = 'failed', attempts = 3 where id = ${id}`;
      return { caseId: queried.caseId, params: { id } };
    },
  },
  'POST /api/v1/cases/{id}/measures': {
    build: async (world, court) => {
      const answered = await anAnsweredCase(world, court);
      return {
        caseId: answered.caseId,
        params: answered.params,
        body: { assetId: answered.assetId, kind: 'freeze', amountFen: 10_000 },
      };
    },
  },
  'GET /api/v1/inquiry/measures/{id}/document': {
    build: async (world, court) => {
      const answered = await anAnsweredCase(world, court);
      const res = await world.call(
        `${court}.judge`,
        'POST',
        `/api/v1/cases/${answered.caseId}/measures`,
        { assetId: answered.assetId, kind: 'freeze', amountFen: 10_000 },
        201,
      );
      return { caseId: answered.caseId, params: { id: String(res.body.id) } };
    },
  },
  'POST /api/v1/inquiry/callbacks/{code}': {
    build: async (world, court) => {
      const answer = await aSignedAnswer(world, court);
      return { params: { code: institutionCode }, rawBody: answer.rawBody, headers: answer.headers };
    },
  },
  'POST /api/v1/inquiry/institutions': {
    build: async () => {
      serial += 1;
      return {
        body: {
          code: `fixture-new-${serial}`,
          signingKey: 'a-signing-key-of-length',
          name: '新登记银行',
          kind: 'bank',
          channel: 'local',
          baseUrl: 'https://bank.example.com/zhixing',
          assetTypes: ['deposit'],
          operations: ['query', 'freeze'],
          concurrency: 4,
          ratePerSecond: 10,
          isEnabled: false,
          maxAttempts: 3,
          retryBaseSeconds: 2,
          pollAfterSeconds: 60,
          answerTimeoutSeconds: 3600,
        },
      };
    },
  },
  'PATCH /api/v1/inquiry/institutions/{code}': {
    // An institution of its own: the one the world queries stays as it is.
    build: async (world) => {
      serial += 1;
      const code = `fixture-patch-${serial}`;
      await insertInstitution(world.t.database.db, {
        code,
        name: '待修改银行',
        kind: 'bank',
        channel: 'local',
        baseUrl: 'https://bank.example.com/zhixing',
        signingKey: 'a-signing-key-of-length',
        assetTypes: ['deposit'],
        operations: ['query'],
        concurrency: 4,
        ratePerSecond: 0,
        isEnabled: false,
        maxAttempts: 3,
        retryBaseSeconds: 2,
        pollAfterSeconds: 60,
        answerTimeoutSeconds: 3600,
      });
      return { params: { code }, body: { concurrency: 8, maxAttempts: 4, isEnabled: false } };
    },
  },
  'POST /api/v1/inquiry/notices/{id}/read': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const addressees = [onCase.c.team.judge, onCase.c.team.assistant].filter((id) => id !== null);
      const id = randomUUID();
      await world.t.database.sql`insert into inquiry.notices
        (id, case_id, court_id, kind, recipient_ids, title, body, dedupe_key)
        values (${id}, ${onCase.caseId}, ${onCase.c.courtId}, 'expiring', ${addressees}::uuid[],
          '措施即将到期', ${`冻结将于${clock.today()}后到期`}, ${`fixture-${id}`})`;
      return { params: { id }, addressees };
    },
  },
};
