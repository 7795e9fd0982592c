import { randomInt, randomUUID } from 'node:crypto';
import { openPortalSession, portalTokenHeader } from '../../src/modules/disclosure/index.ts';
import { aCaseBody, aCompany, aPerson } from '../factories.ts';
import type { TestApp } from '../support.ts';
import type { OperationKey, RouteFixture, ValidRequest } from './types.ts';
import type { CourtKey } from './world.ts';

/**
 * Reward notices and lawyers' investigation orders: what a valid request of each route needs — a
 * case whose applicant names a lawyer, portal sessions of the applicant and the lawyer (opened
 * directly: signing in by SMS code is the portal's own tests' business), a notice applied for and
 * published, a clue on it, an order applied for and granted. Shared with
 * test/disclosure-rewards.test.ts and test/disclosure-investigation-orders.test.ts. Portal routes
 * carry the portal token in `x-zhixing-portal`, beside each principal's own `authorization`.
 */
export const portalHeader = portalTokenHeader;

/** What the helpers need of the court's side: the app and the court users' tokens. */
export type CourtSide = { t: TestApp; token(username: string): string };

async function call(
  side: CourtSide,
  method: 'GET' | 'POST',
  url: string,
  opts: { as?: string; portal?: string; body?: unknown; status?: number } = {},
) {
  const res = await side.t.request(method, url, {
    token: opts.as ? side.token(opts.as) : undefined,
    headers: opts.portal ? { [portalHeader]: opts.portal } : {},
    body: opts.body,
  });
  const expected = opts.status ?? (method === 'POST' ? 201 : 200);
  if (res.status !== expected) {
    throw new Error(`${method} ${url}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export type PortalLawyer = {
  id: string;
  name: string;
  lawFirm: string;
  licenceNumber: string;
  token: string;
};

/** A lawyer's portal account (written directly: its password is not what these tests are about) and a session. */
export async function aPortalLawyer(side: CourtSide, name = '李明'): Promise<PortalLawyer> {
  const id = randomUUID();
  const licenceNumber = `1330120${String(randomInt(10_000_000_000)).padStart(10, '0')}`;
  const lawFirm = '浙江测试律师事务所';
  const sql = side.t.database.sql;
  await sql`insert into disclosure.lawyers (id, name, law_firm, licence_number, phone, password_hash, court_id, created_by, created_at)
    select ${id}, ${name}, ${lawFirm}, ${licenceNumber}, '13900001111', 'not-used', c.id, ${randomUUID()}, now()
    from identity.courts c order by c.path limit 1`;
  const { token } = await openPortalSession(side.t.database.db, { kind: 'lawyer', subjectId: id, name });
  return { id, name, lawFirm, licenceNumber, token };
}

/** A portal session of a party, by the ID number or credit code it signed in with. */
export async function aPartyToken(side: CourtSide, identifier: string, name: string): Promise<string> {
  return (await openPortalSession(side.t.database.db, { kind: 'party', subjectId: identifier, name })).token;
}

export type PortalCase = {
  caseId: string;
  applicant: ReturnType<typeof aCompany>;
  respondent: ReturnType<typeof aPerson>;
  lawyer: PortalLawyer;
  applicantToken: string;
  respondentToken: string;
};

/** A case filed by the court's judge whose applicant (a company) names a lawyer as agent. */
export async function aPortalCase(side: CourtSide, court: CourtKey = 'xihu'): Promise<PortalCase> {
  const lawyer = await aPortalLawyer(side);
  const applicant = aCompany({
    agents: [
      { name: lawyer.name, kind: 'lawyer', lawFirm: lawyer.lawFirm, licenseNumber: lawyer.licenceNumber },
    ],
  });
  const respondent = aPerson();
  const filed = await call(side, 'POST', '/api/v1/cases', {
    as: `${court}.judge`,
    body: aCaseBody({ applicants: [applicant], respondents: [respondent] }),
  });
  return {
    caseId: String(filed.id),
    applicant,
    respondent,
    lawyer,
    applicantToken: await aPartyToken(side, applicant.creditCode, applicant.name),
    respondentToken: await aPartyToken(side, respondent.idNumber, respondent.name),
  };
}

export const aRewardNoticeBody = {
  rewardFen: 500_000,
  text: '悬赏查找被执行人名下可供执行的财产，提供有效线索者按实际执行到位金额给予奖励。',
};

/** A reward notice applied for by the applicant, pending the judge's decision. */
export async function aRewardNotice(side: CourtSide, court: CourtKey = 'xihu') {
  const onCase = await aPortalCase(side, court);
  const created = await call(side, 'POST', `/api/v1/party/cases/${onCase.caseId}/reward-notices`, {
    portal: onCase.applicantToken,
    body: aRewardNoticeBody,
  });
  return { ...onCase, noticeId: String(created.id), dueOn: String(created.dueOn) };
}

/** A notice the judge approved: published on the portal. */
export async function aPublishedNotice(side: CourtSide, court: CourtKey = 'xihu') {
  const notice = await aRewardNotice(side, court);
  await call(side, 'POST', `/api/v1/reward-notices/${notice.noticeId}/decision`, {
    as: `${court}.judge`,
    body: { approve: true, reason: '申请符合条件，准予发布' },
    status: 200,
  });
  return notice;
}

export function aClueBody(person = aPerson()) {
  return {
    name: person.name,
    phone: '13912345678',
    idNumber: person.idNumber,
    text: '被执行人在杭州市西湖区有一处商铺，现出租给他人经营。',
  };
}

let addresses = 0;

/** An address of its own, as an informant's: clues are limited per address. */
export function anAddress(): string {
  addresses += 1;
  return `10.200.${(addresses >> 8) & 255}.${addresses & 255}`;
}

/** Sends a clue on a notice from `address` (by default one of its own). */
export async function sendClue(side: CourtSide, noticeId: string, body: unknown, address = anAddress()) {
  const res = await side.t.app.inject({
    method: 'POST',
    url: `/api/v1/public/reward-notices/${noticeId}/clues`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    remoteAddress: address,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

/** A clue sent on a published notice, with the case's recovery set so that a reward may be paid. */
export async function aClue(side: CourtSide, court: CourtKey = 'xihu', recoveredFen = 1_000_000) {
  const notice = await aPublishedNotice(side, court);
  await side.t.database
    .sql`update cases.cases set recovered_fen = ${recoveredFen} where id = ${notice.caseId}`;
  const clue = await sendClue(side, notice.noticeId, aClueBody());
  if (clue.status !== 201) throw new Error(`a clue: ${clue.status} ${JSON.stringify(clue.body)}`);
  return { ...notice, clueId: String(clue.body.id) };
}

export const anOrderBody = {
  addressee: '中国工商银行杭州西湖支行',
  scope: '被执行人在该行开立的全部账户的存款余额及近一年交易流水',
  category: 'deposits',
  validDays: 15,
};

/** An investigation order the applicant's lawyer applied for, pending the judge's decision. */
export async function anOrder(side: CourtSide, court: CourtKey = 'xihu') {
  const onCase = await aPortalCase(side, court);
  const created = await call(side, 'POST', `/api/v1/party/cases/${onCase.caseId}/investigation-orders`, {
    portal: onCase.lawyer.token,
    body: anOrderBody,
  });
  return { ...onCase, orderId: String(created.id), dueOn: String(created.dueOn) };
}

/** An order the judge granted: its code and last valid day. */
export async function aGrantedOrder(side: CourtSide, court: CourtKey = 'xihu') {
  const order = await anOrder(side, court);
  const granted = await call(side, 'POST', `/api/v1/investigation-orders/${order.orderId}/decision`, {
    as: `${court}.judge`,
    body: { grant: true, reason: '申请符合条件，准予签发' },
    status: 200,
  });
  return { ...order, code: String(granted.code), validUntil: String(granted.validUntil) };
}

function onCaseOf(x: { caseId: string }, extra: Partial<ValidRequest> = {}): ValidRequest {
  return { caseId: x.caseId, ...extra };
}

/** A 1×1 PNG, as a lawyer's scan would be sent. */
export const aPngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const disclosureRewardFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/party/cases/{id}/reward-notices': {
    build: async (world) => {
      const onCase = await aPortalCase(world);
      return {
        params: { id: onCase.caseId },
        headers: { [portalHeader]: onCase.applicantToken },
        body: aRewardNoticeBody,
      };
    },
  },
  'POST /api/v1/reward-notices/{id}/decision': {
    build: async (world, court) => {
      const notice = await aRewardNotice(world, court);
      return onCaseOf(notice, {
        params: { id: notice.noticeId },
        body: { approve: true, reason: '准予发布' },
      });
    },
  },
  'GET /api/v1/cases/{id}/reward-notices': {
    build: async (world, court) => {
      const notice = await aRewardNotice(world, court);
      return onCaseOf(notice, { params: { id: notice.caseId } });
    },
  },
  'GET /api/v1/public/reward-notices': {
    build: async (world) => {
      await aPublishedNotice(world);
      return { query: { page: '1' } };
    },
  },
  'GET /api/v1/public/reward-notices/{id}': {
    build: async (world) => ({ params: { id: (await aPublishedNotice(world)).noticeId } }),
  },
  'POST /api/v1/public/reward-notices/{id}/clues': {
    build: async (world) => ({ params: { id: (await aPublishedNotice(world)).noticeId }, body: aClueBody() }),
  },
  'GET /api/v1/reward-notices/{id}/clues': {
    build: async (world, court) => {
      const clue = await aClue(world, court);
      return onCaseOf(clue, { params: { id: clue.noticeId } });
    },
  },
  'POST /api/v1/reward-notices/{id}/clues/{clueId}/verification': {
    build: async (world, court) => {
      const clue = await aClue(world, court);
      return onCaseOf(clue, {
        params: { id: clue.noticeId, clueId: clue.clueId },
        // Every optional field filled, so that each can be made wrong in turn.
        body: { isUseful: true, rewardFen: 100_000, note: '线索属实，已查封该商铺' },
      });
    },
  },
  'POST /api/v1/party/cases/{id}/investigation-orders': {
    build: async (world) => {
      const onCase = await aPortalCase(world);
      return {
        params: { id: onCase.caseId },
        headers: { [portalHeader]: onCase.lawyer.token },
        body: anOrderBody,
      };
    },
  },
  'GET /api/v1/party/cases/{id}/investigation-orders': {
    build: async (world) => {
      const order = await aGrantedOrder(world);
      return { params: { id: order.caseId }, headers: { [portalHeader]: order.lawyer.token } };
    },
  },
  'POST /api/v1/party/investigation-orders/{id}/results': {
    build: async (world) => {
      const order = await aGrantedOrder(world);
      return {
        params: { id: order.orderId },
        headers: { [portalHeader]: order.lawyer.token },
        body: {
          text: '该行回复：被执行人账户余额 12,345.60 元，交易流水见附件。',
          attachments: [{ name: '银行回执.png', contentType: 'image/png', dataBase64: aPngBase64 }],
        },
      };
    },
  },
  'POST /api/v1/investigation-orders/{id}/decision': {
    build: async (world, court) => {
      const order = await anOrder(world, court);
      return onCaseOf(order, { params: { id: order.orderId }, body: { grant: true, reason: '准予签发' } });
    },
  },
  'POST /api/v1/investigation-orders/{id}/revocation': {
    build: async (world, court) => {
      const order = await aGrantedOrder(world, court);
      return onCaseOf(order, { params: { id: order.orderId }, body: { reason: '律师已解除委托' } });
    },
  },
  'GET /api/v1/cases/{id}/investigation-orders': {
    build: async (world, court) => {
      const order = await aGrantedOrder(world, court);
      return onCaseOf(order, { params: { id: order.caseId } });
    },
  },
  'GET /api/v1/public/investigation-orders/{code}': {
    build: async (world) => ({ params: { code: (await aGrantedOrder(world)).code } }),
  },
};
