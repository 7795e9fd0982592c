import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { demoPassword, insertUser } from '../../src/modules/identity/index.ts';
import { clock } from '../../src/platform/clock.ts';
import { aCompany } from '../factories.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * Procuratorial supervision, audit investigation and search. The demo has one procurator
 * (xihu.procurator, of the procuratorate paired with 西湖区法院); a case of another court is placed
 * under the supervision of a procurator made here for that court — not a principal of the matrix,
 * whose procurator routes are judged on xihu.procurator alone. Audit cases have a company as
 * respondent (财产调查规定 art. 17), and the administrator lists an audit institution for the draw.
 */
type Procurator = { id: string; token: string };

const procuratorsByWorld = new WeakMap<World, Map<CourtKey, Promise<Procurator>>>();
const institutionsByWorld = new WeakMap<World, Promise<void>>();

/** The demo password under a cheap scrypt, as the world's own accounts have it. */
function aCheapHash(): string {
  const salt = randomBytes(16);
  const key = scryptSync(demoPassword, salt, 32, { N: 1024, r: 8, p: 1 });
  return `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function makeProcurator(world: World, court: CourtKey): Promise<Procurator> {
  if (court === 'xihu') {
    return { id: world.userId('xihu.procurator'), token: world.token('xihu.procurator') };
  }
  const username = `${court}.procurator`;
  const user = await insertUser(
    world.t.database.db,
    {
      username,
      displayName: '测试检察官',
      password: demoPassword,
      courtId: world.courtId(court),
      roles: ['procurator'],
    },
    { isDemo: true, passwordHash: aCheapHash() },
  );
  return { id: user.id, token: await world.t.login(username) };
}

/** The procurator of the procuratorate paired with `court` (made once per world). */
export function procuratorOf(world: World, court: CourtKey): Promise<Procurator> {
  const byCourt = procuratorsByWorld.get(world) ?? new Map<CourtKey, Promise<Procurator>>();
  procuratorsByWorld.set(world, byCourt);
  const known = byCourt.get(court);
  if (known) return known;
  const made = makeProcurator(world, court);
  byCourt.set(court, made);
  return made;
}

/** A new case of `court` placed by its court leader under its procuratorate's supervision. */
export async function aSupervisedCase(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const procurator = await procuratorOf(world, court);
  await world.call(
    `${court}.president`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/supervision`,
    { procuratorId: procurator.id, reason: '当事人申请监督：执行法院怠于执行' },
    201,
  );
  return { ...onCase, procurator };
}

function aRecommendationBody() {
  return {
    text: '建议对被执行人名下车辆依法采取查封措施，并及时告知申请执行人执行进展。',
    issuedOn: clock.today(),
    documentNumber: '杭西检民（行）执监〔2026〕1号',
  };
}

async function aRecommendation(world: World, court: CourtKey) {
  const s = await aSupervisedCase(world, court);
  const res = await world.t.request('POST', `/api/v1/supervision/cases/${s.caseId}/recommendations`, {
    token: s.procurator.token,
    body: aRecommendationBody(),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { caseId: s.caseId, params: { id: String(res.body.id) } };
}

/** One audit institution on the list the SPC's administrator keeps: it serves every court. */
function withInstitution(world: World): Promise<void> {
  const known = institutionsByWorld.get(world);
  if (known) return known;
  const made = world
    .call('admin', 'POST', '/api/v1/admin/audit-institutions', { name: '浙江测试会计师事务所' }, 201)
    .then(() => undefined);
  institutionsByWorld.set(world, made);
  return made;
}

async function onAuditCase(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court, [aCompany()]);
  const applicantPartyId = onCase.c.applicants[0]?.id;
  const respondentPartyId = onCase.c.respondents[0]?.id;
  if (!applicantPartyId || !respondentPartyId) throw new Error('the audit case lacks its parties');
  return { ...onCase, applicantPartyId, respondentPartyId };
}

async function anAuditApplication(world: World, court: CourtKey) {
  const onCase = await onAuditCase(world, court);
  await withInstitution(world);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/audit-applications`,
    {
      applicantPartyId: onCase.applicantPartyId,
      respondentPartyId: onCase.respondentPartyId,
      ground: 'hidingOrTransferringAssets',
      reason: '被执行人公司停业后账户资金去向不明',
      receivedOn: clock.today(),
    },
    201,
  );
  return { caseId: onCase.caseId, params: { id: String(res.body.id) } };
}

async function aGrantedApplication(world: World, court: CourtKey) {
  const a = await anAuditApplication(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/audit-applications/${a.params.id}/decide`,
    { decision: 'grant' },
    200,
  );
  return { ...a, lotteryId: String(res.body.lotteryId) };
}

async function aSearch(world: World, court: CourtKey) {
  const onCase = await onNewCase(world, court);
  const res = await world.call(
    `${court}.judge`,
    'POST',
    `/api/v1/cases/${onCase.caseId}/searches`,
    {
      respondentPartyId: onCase.c.respondents[0]?.id,
      places: '被执行人住所及其经营的仓库',
      reason: '被执行人拒不履行，将车辆藏匿于仓库',
    },
    201,
  );
  return { caseId: onCase.caseId, params: { id: String(res.body.id) } };
}

async function anApprovedSearch(world: World, court: CourtKey) {
  const s = await aSearch(world, court);
  await world.call(`${court}.president`, 'POST', `/api/v1/searches/${s.params.id}/approve`, {}, 200);
  return s;
}

export const supervisionFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/cases/{id}/supervision': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      const procurator = await procuratorOf(world, court);
      return {
        ...onCase,
        body: {
          procuratorId: procurator.id,
          reason: '依职权监督：案件执行期限届满未结',
          procuratorateCaseNumber: '杭西检民（行）执监〔2026〕2号',
        },
      };
    },
  },
  'GET /api/v1/cases/{id}/supervision': {
    build: async (world, court) => {
      const s = await aSupervisedCase(world, court);
      return { caseId: s.caseId, params: s.params };
    },
  },
  'GET /api/v1/supervision/cases/{id}': {
    build: async (world) => ({ params: (await aSupervisedCase(world, 'xihu')).params }),
  },
  'POST /api/v1/supervision/cases/{id}/recommendations': {
    build: async (world) => ({
      params: (await aSupervisedCase(world, 'xihu')).params,
      body: aRecommendationBody(),
    }),
  },
  'POST /api/v1/supervision/recommendations/{id}/reply': {
    build: async (world, court) => ({
      ...(await aRecommendation(world, court)),
      body: { text: '经审查，已于当日查封被执行人名下车辆，并告知申请执行人。', repliedOn: clock.today() },
    }),
  },
  'POST /api/v1/admin/audit-institutions': {
    build: async () => ({
      body: { name: `测试审计机构${randomBytes(4).toString('hex')}`, creditCode: aCompany().creditCode },
    }),
  },
  'POST /api/v1/cases/{id}/audit-applications': {
    build: async (world, court) => {
      const onCase = await onAuditCase(world, court);
      return {
        caseId: onCase.caseId,
        params: onCase.params,
        body: {
          applicantPartyId: onCase.applicantPartyId,
          respondentPartyId: onCase.respondentPartyId,
          ground: 'capitalNotPaidOrWithdrawn',
          reason: '被执行人股东抽逃出资',
          receivedOn: clock.today(),
        },
      };
    },
  },
  'GET /api/v1/cases/{id}/audit-applications': {
    build: async (world, court) =>
      anAuditApplication(world, court).then((a) => ({ ...a, params: { id: a.caseId } })),
  },
  'POST /api/v1/audit-applications/{id}/decide': {
    build: async (world, court) => ({
      ...(await anAuditApplication(world, court)),
      body: { decision: 'grant', reason: '被执行人有转移财产嫌疑，准许审计' },
    }),
  },
  'POST /api/v1/audit-applications/{id}/draw': {
    build: async (world, court) => {
      const a = await aGrantedApplication(world, court);
      return { caseId: a.caseId, params: a.params, body: { witness: '37' } };
    },
  },
  'GET /api/v1/audit-lotteries/{id}': {
    build: async (world) => ({ params: { id: (await aGrantedApplication(world, 'xihu')).lotteryId } }),
  },
  'POST /api/v1/cases/{id}/searches': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      return {
        ...onCase,
        body: {
          respondentPartyId: onCase.c.respondents[0]?.id,
          places: '被执行人住所',
          reason: '被执行人拒不履行并隐匿财产',
        },
      };
    },
  },
  'GET /api/v1/cases/{id}/searches': {
    build: async (world, court) => aSearch(world, court).then((s) => ({ ...s, params: { id: s.caseId } })),
  },
  'POST /api/v1/searches/{id}/approve': {
    build: async (world, court) => ({ ...(await aSearch(world, court)), body: { note: '同意搜查' } }),
  },
  'POST /api/v1/searches/{id}/record': {
    build: async (world, court) => ({
      ...(await anApprovedSearch(world, court)),
      body: {
        searchedOn: clock.today(),
        place: '被执行人住所',
        officers: ['林立', '赵强'],
        witnesses: ['被执行人之妻', '社区工作人员'],
        findings: '在车库发现被执行人名下车辆一辆，已当场扣押。',
        signatureNote: '被执行人拒绝在笔录上签名',
      },
    }),
  },
};
