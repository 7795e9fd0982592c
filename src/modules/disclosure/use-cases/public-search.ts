import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type IdMask, maskIdNumber, validateCreditCode, validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import {
  countPublicTerminated,
  type PublicCaseRow,
  publicCasesOfRespondent,
  type RespondentQuery,
} from '../../cases/index.ts';
import {
  parsePublicQuery,
  publicMaxPage,
  publicPageSize,
  searchPublicDishonest,
  searchPublicRestricted,
} from '../../credit/index.ts';
import { courtNamesByIds } from '../../identity/index.ts';
import type {
  TChallenge,
  TPublicSearch,
  TPublicSearchQuery,
  TPublicTerminatedPage,
} from '../public-contracts.ts';
import { leadingZeroBits, parseSolution, powDifficulty, powValidSeconds } from '../rules/proof-of-work.ts';
import { searchLog } from '../tables.ts';

/**
 * The public portal's search of one respondent (执行信息公开): open cases, dishonest entries,
 * consumption restrictions and 终本 cases — the published fields only, ID numbers masked. A person
 * is found only by name together with their ID number; an organisation by name with its credit
 * code, or by its exact name. Every search is logged with its stated purpose, the query kept only
 * as a hash. While the portal is under load a search must carry a solved proof of work.
 */
export type PublicSearchOptions = { mask: IdMask; powThreshold: number; clientKey: string };

// Words that end the name of a company, firm, shop, cooperative or other organisation.
const organisationSuffix =
  /(公司|集团|厂|店|行|社|中心|合伙|事务所|合作社|研究院|学校|医院|协会|商会|部|局|委员会|馆|场|所|站|院|会|处|队|组)$/;

export function isOrganisationName(name: string): boolean {
  return organisationSuffix.test(name.trim()) || /[A-Za-z].*(Ltd|LLC|Inc|Co)\.?$/i.test(name.trim());
}

/** What the query looks for; 400 naming the field for a person without an ID number or a bad identifier. */
export function respondentQueryOf(q: TPublicSearchQuery, today: string): RespondentQuery & { name: string } {
  const name = q.name.trim();
  if (q.idNumber && q.creditCode) {
    throw invalidField(
      'creditCode',
      '身份证号与统一社会信用代码只填一项',
      'Give an ID number or a credit code, not both',
    );
  }
  if (q.idNumber) {
    const checked = validateIdNumber(q.idNumber, today);
    if (!checked.ok) throw invalidField('idNumber', checked.reason.zh, checked.reason.en);
    return { kind: 'idNumber', name, value: checked.value };
  }
  if (q.creditCode) {
    const checked = validateCreditCode(q.creditCode);
    if (!checked.ok) throw invalidField('creditCode', checked.reason.zh, checked.reason.en);
    return { kind: 'creditCode', name, value: checked.value };
  }
  if (!isOrganisationName(name)) {
    throw invalidField(
      'idNumber',
      '查询自然人须同时提供姓名和身份证号；仅凭名称只能查询单位',
      'A person is found by name together with the ID number; a name alone finds only an organisation',
    );
  }
  return { kind: 'organisationName', name };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Whether searches in the last minute, all processes together, reach the threshold. */
async function isUnderLoad(db: DbOrTx, threshold: number): Promise<boolean> {
  if (threshold === 0) return true;
  const since = new Date(clock.nowMs() - 60_000);
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from disclosure.search_log where searched_at > ${since.toISOString()}::timestamptz limit ${threshold}) recent`,
  );
  return (row?.n ?? 0) >= threshold;
}

export function proofOfWorkRequired(): AppError {
  return new AppError(
    ErrorCode.tooManyRequests,
    bi(
      '访问量较大，请先完成验证',
      'The portal is busy: solve the challenge at GET /api/v1/public/challenge first',
    ),
    [{ path: 'pow', message: 'PROOF_OF_WORK_REQUIRED' }],
  );
}

/** Spends a solved challenge: valid, unexpired, unused, and its hash has the zero bits asked. */
async function spendSolution(db: DbOrTx, pow: string | undefined): Promise<boolean> {
  const solution = pow ? parseSolution(pow) : null;
  if (!solution) return false;
  const [row] = await db.execute<{ difficulty: number }>(sql`
    update disclosure.pow_challenges set used_at = ${clock.now().toISOString()}::timestamptz
    where challenge = ${solution.challenge} and used_at is null and expires_at > ${clock.now().toISOString()}::timestamptz
    returning difficulty`);
  if (!row) return false;
  return leadingZeroBits(sha256(`${solution.challenge}:${solution.nonce}`)) >= row.difficulty;
}

export async function issueChallenge(db: Db): Promise<TChallenge> {
  const challenge = randomBytes(16).toString('base64url');
  const expiresAt = new Date(clock.nowMs() + powValidSeconds * 1000);
  await db.execute(sql`
    insert into disclosure.pow_challenges (challenge, difficulty, expires_at)
    values (${challenge}, ${powDifficulty}, ${expiresAt.toISOString()}::timestamptz)`);
  await db.execute(
    sql`delete from disclosure.pow_challenges where expires_at < ${new Date(clock.nowMs() - 3_600_000).toISOString()}::timestamptz`,
  );
  return { challenge, difficulty: powDifficulty, expiresAt: expiresAt.toISOString() };
}

function publicCase(row: PublicCaseRow, courts: Map<string, string>, mask: IdMask) {
  return {
    caseNumber: row.caseNumber,
    court: courts.get(row.courtId) ?? '',
    filedOn: row.filedOn,
    claimFen: row.claimFen,
    respondent: row.respondent,
    idNumber: row.idNumber ? maskIdNumber(row.idNumber, mask) : null,
    creditCode: row.creditCode,
  };
}

function publicTerminated(row: PublicCaseRow, courts: Map<string, string>, mask: IdMask) {
  return {
    ...publicCase(row, courts, mask),
    closedOn: row.closedOn ?? '',
    unperformedFen: Math.max(0, row.claimFen - row.recoveredFen),
  };
}

async function courtsOf(db: DbOrTx, rows: PublicCaseRow[]) {
  return courtNamesByIds(db, [...new Set(rows.map((r) => r.courtId))]);
}

export async function searchRespondent(
  db: Db,
  input: TPublicSearchQuery,
  opts: PublicSearchOptions,
): Promise<TPublicSearch> {
  const today = clock.today();
  const q = respondentQueryOf(input, today);
  if ((await isUnderLoad(db, opts.powThreshold)) && !(await spendSolution(db, input.pow))) {
    throw proofOfWorkRequired();
  }
  await db.insert(searchLog).values({
    queryHash: sha256(`${q.kind}|${q.name}|${'value' in q ? q.value : ''}`),
    purpose: input.purpose ?? null,
    clientHash: sha256(opts.clientKey).slice(0, 32),
    searchedAt: clock.now(),
  });
  const byName = <T>(items: T[], nameOf: (t: T) => string) => items.filter((t) => nameOf(t) === q.name);
  const listQuery = 'value' in q ? q.value : q.name;
  const [found, dishonest, restricted] = await Promise.all([
    publicCasesOfRespondent(db, q, { limit: publicPageSize }),
    searchPublicDishonest(db, { q: listQuery, page: 1 }, { mask: opts.mask }),
    searchPublicRestricted(db, { q: listQuery, page: 1 }, { mask: opts.mask }),
  ]);
  const courts = await courtsOf(db, [...found.open, ...found.terminated]);
  return {
    cases: found.open.map((r) => publicCase(r, courts, opts.mask)),
    dishonest: byName(dishonest.items, (e) => e.subject.name),
    restrictions: byName(restricted.items, (r) => r.name),
    terminated: found.terminated.map((r) => publicTerminated(r, courts, opts.mask)),
  };
}

/** The public list of 终本 cases of one respondent: by ID number, credit code, or an organisation's exact name. */
export async function listTerminated(
  db: Db,
  input: { q: string; page: number },
  opts: { mask: IdMask },
): Promise<TPublicTerminatedPage> {
  const parsed = parsePublicQuery(input.q, clock.today());
  const q: RespondentQuery =
    parsed.kind === 'name' ? { kind: 'organisationName', name: input.q.trim() } : parsed;
  const page = Math.min(input.page, publicMaxPage);
  const [found, total] = await Promise.all([
    publicCasesOfRespondent(db, q, { limit: publicPageSize, offset: (page - 1) * publicPageSize }),
    countPublicTerminated(db, q),
  ]);
  const courts = await courtsOf(db, found.terminated);
  return {
    items: found.terminated.map((r) => publicTerminated(r, courts, opts.mask)),
    total,
    page,
    pageSize: publicPageSize,
  };
}
