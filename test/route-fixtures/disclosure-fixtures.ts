import { createHash, randomInt } from 'node:crypto';
import { openPortalSession, portalTokenHeader } from '../../src/modules/disclosure/index.ts';
import { aPerson } from '../factories.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture, ValidRequest } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * The party portal and the team's side of it: a case of the court whose applicant holds a portal
 * session (opened directly: signing in by SMS code is test/disclosure-portal.test.ts's business),
 * and a clue the applicant sent. Portal routes carry the token in `x-zhixing-portal`, beside each
 * principal's own `authorization`, so every principal is let through as the declaration says.
 */
async function onPortalCase(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const [applicant] = await world.t.database.sql<{ identifier: string; name: string }[]>`
    select coalesce(id_number, credit_code) as identifier, name from cases.parties
    where case_id = ${onCase.caseId} and role = 'applicant' order by position limit 1`;
  if (!applicant) throw new Error('the fixture case has no applicant');
  const { token } = await openPortalSession(world.t.database.db, {
    kind: 'party',
    subjectId: applicant.identifier,
    name: applicant.name,
  });
  return { ...onCase, token, headers: { [portalTokenHeader]: token } };
}

async function aClue(world: World, court: CourtKey) {
  const onCase = await onPortalCase(world, court);
  const res = await world.t.request('POST', `/api/v1/party/cases/${onCase.caseId}/clues`, {
    headers: onCase.headers,
    body: { text: '被执行人在文三路有一处商铺。' },
  });
  if (res.status !== 201) throw new Error(`a clue: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...onCase, requestId: String(res.body.id) };
}

const onPortal = (build: (world: World, court: CourtKey) => Promise<ValidRequest>): RouteFixture => ({
  build,
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const disclosureFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/party/login': onPortal(async (world, court) => {
    // A code as the SMS would have brought it (use-cases/sign-in.ts keeps only its hash).
    const onCase = await onNewCase(world, court);
    const [party] = await world.t.database.sql<{ identifier: string; caseNumber: string }[]>`
      select coalesce(p.id_number, p.credit_code) as identifier, c.case_number as "caseNumber"
      from cases.parties p join cases.cases c on c.id = p.case_id
      where p.case_id = ${onCase.caseId} and p.role = 'applicant' order by p.position limit 1`;
    if (!party) throw new Error('the fixture case has no applicant');
    const pairHash = sha256(`party|${party.caseNumber}|${party.identifier}`);
    const code = '482913';
    await world.t.database.sql`insert into disclosure.login_codes (pair_hash, code_hash, expires_at, sent_at)
      values (${pairHash}, ${sha256(`${pairHash}|${code}`)}, now() + interval '1 day', now())`;
    return { body: { caseNumber: party.caseNumber, idNumber: party.identifier, code } };
  }),
  'POST /api/v1/lawyer/login': onPortal(async (world) => {
    const licenceNumber = `1330121${String(randomInt(10_000_000_000)).padStart(10, '0')}`;
    await world.call(
      'admin',
      'POST',
      '/api/v1/lawyers',
      {
        name: '赵律师',
        lawFirm: '浙江测试律师事务所',
        licenceNumber,
        phone: '13900004444',
        password: 'lawyer-pass-123',
      },
      201,
    );
    return { body: { licenceNumber, password: 'lawyer-pass-123' } };
  }),
  'POST /api/v1/party/login/code': onPortal(async (world, court) => {
    const onCase = await onNewCase(world, court);
    return {
      body: { caseNumber: `（2026）浙0106执${onCase.caseId.slice(0, 4)}号`, idNumber: aPerson().idNumber },
    };
  }),
  'POST /api/v1/party/logout': onPortal(async (world, court) => ({
    headers: (await onPortalCase(world, court)).headers,
  })),
  'GET /api/v1/party/me': onPortal(async (world, court) => ({
    headers: (await onPortalCase(world, court)).headers,
  })),
  'GET /api/v1/party/cases': onPortal(async (world, court) => ({
    headers: (await onPortalCase(world, court)).headers,
  })),
  'GET /api/v1/party/cases/{id}': onPortal(async (world, court) => {
    const c = await onPortalCase(world, court);
    return { params: c.params, headers: c.headers };
  }),
  'POST /api/v1/party/cases/{id}/clues': onPortal(async (world, court) => {
    const c = await onPortalCase(world, court);
    return { params: c.params, headers: c.headers, body: { text: '被执行人有一辆车。' } };
  }),
  'POST /api/v1/party/cases/{id}/messages': onPortal(async (world, court) => {
    const c = await onPortalCase(world, court);
    return { params: c.params, headers: c.headers, body: { text: '请问案件进展？' } };
  }),
  'POST /api/v1/party/cases/{id}/applications': onPortal(async (world, court) => {
    const c = await onPortalCase(world, court);
    return {
      params: c.params,
      headers: c.headers,
      body: { kind: 'audit', text: '申请审计被执行人公司账目。' },
    };
  }),
  'GET /api/v1/party/cases/{id}/requests': onPortal(async (world, court) => {
    const c = await onPortalCase(world, court);
    return { params: c.params, headers: c.headers };
  }),
  'GET /api/v1/party/cases/{id}/deliveries': onPortal(async (world, court) => {
    const c = await onPortalCase(world, court);
    return { params: c.params, headers: c.headers };
  }),
  'GET /api/v1/party/notices': onPortal(async (world, court) => ({
    headers: (await onPortalCase(world, court)).headers,
  })),
  'POST /api/v1/party/notices/read': onPortal(async (world, court) => ({
    headers: (await onPortalCase(world, court)).headers,
  })),
  'GET /api/v1/party/preferences': onPortal(async (world, court) => ({
    headers: (await onPortalCase(world, court)).headers,
  })),
  'PUT /api/v1/party/preferences': onPortal(async (world, court) => ({
    headers: (await onPortalCase(world, court)).headers,
    body: { sms: false, inApp: true },
  })),
  'GET /api/v1/public/search': {
    build: async () => {
      const p = aPerson();
      return { query: { name: p.name, idNumber: p.idNumber, purpose: '核实交易对方' } };
    },
  },
  'GET /api/v1/public/terminated': { build: async () => ({ query: { q: aPerson().idNumber, page: '1' } }) },
  'GET /api/v1/cases/{id}/clues': { build: async (world, court) => onNewCase(world, court) },
  'GET /api/v1/cases/{id}/party-requests': { build: async (world, court) => onNewCase(world, court) },
  'POST /api/v1/cases/{id}/party-requests/{requestId}/answer': {
    build: async (world, court) => {
      const clue = await aClue(world, court);
      return {
        caseId: clue.caseId,
        params: { id: clue.caseId, requestId: clue.requestId },
        body: { answer: '已核查。', outcome: 'noted' },
      };
    },
  },
  'GET /api/v1/cases/{id}/party-requests/{requestId}/attachments/{attachmentId}': {
    build: async (world, court) => {
      const onCase = await onPortalCase(world, court);
      const png =
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
      const res = await world.t.request('POST', `/api/v1/party/cases/${onCase.caseId}/clues`, {
        headers: onCase.headers,
        body: { text: '照片', attachments: [{ name: 'a.png', contentType: 'image/png', dataBase64: png }] },
      });
      const [file] = await world.t.database.sql<{ id: string }[]>`
        select id from disclosure.request_files where request_id = ${String(res.body.id)}`;
      if (!file) throw new Error('no attachment stored');
      return {
        caseId: onCase.caseId,
        params: { id: onCase.caseId, requestId: String(res.body.id), attachmentId: file.id },
      };
    },
  },
  'POST /api/v1/lawyers': {
    build: async () => ({
      body: {
        name: '王律师',
        lawFirm: '浙江测试律师事务所',
        licenceNumber: `1330120${String(randomInt(10_000_000_000)).padStart(10, '0')}`,
        phone: '13900003333',
        password: 'lawyer-pass-123',
      },
    }),
  },
};
