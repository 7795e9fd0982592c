import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { TRegisterBidder } from '../auction-contracts.ts';

/**
 * Real-name bidders (网拍规定 art. 17: the deposit is paid in the bidder's real name). A bidder gets
 * a bearer token once; only its SHA-256 is kept. Whoever may not bid — the court's and the
 * platform's staff and their close relatives — is refused by ID number (`auction_exclusions`).
 */
export const bidderTokenPrefix = 'zxb_';
/** A second header for the token, for a client whose `authorization` carries a court user's session. */
export const bidderTokenHeader = 'x-zhixing-bidder';

const mobilePattern = /^1[3-9]\d{9}$/;

export function hashBidderToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The bidder token a request carries: `authorization: Bearer zxb_…`, else `x-zhixing-bidder`. */
export function bidderTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith(`Bearer ${bidderTokenPrefix}`)) return header.slice(7).trim();
  const own = request.headers[bidderTokenHeader];
  const value = Array.isArray(own) ? own[0] : own;
  return value?.startsWith(bidderTokenPrefix) ? value.trim() : null;
}

export type Bidder = { id: string; name: string; idNumber: string; phone: string; registeredAtMs: number };

export async function findBidderByToken(db: DbOrTx, token: string | null): Promise<Bidder | null> {
  if (token === null || token.length > 200) return null;
  const rows = await db.execute<Bidder>(sql`select id, name, id_number as "idNumber", phone,
      (extract(epoch from created_at) * 1000)::float8 as "registeredAtMs"
    from disposal.auction_bidders where token_hash = ${hashBidderToken(token)}`);
  return rows[0] ?? null;
}

/** The bidder of a request, or 401. */
export async function requireBidder(db: DbOrTx, request: FastifyRequest): Promise<Bidder> {
  const bidder = await findBidderByToken(db, bidderTokenOf(request));
  if (!bidder) {
    throw new AppError(
      ErrorCode.unauthenticated,
      bi('请先登记为竞买人', 'Register as a bidder first (authorization: Bearer <bidder token>)'),
    );
  }
  return bidder;
}

/** 403 naming `idNumber` when the person may not bid at all. */
export async function assertMayBid(db: DbOrTx, idNumber: string): Promise<void> {
  const rows = await db.execute<{ kind: string }>(
    sql`select kind from disposal.auction_exclusions where id_number = ${idNumber}`,
  );
  if (rows.length > 0) {
    const message = bi(
      '法院、拍卖平台工作人员及其近亲属不得竞买',
      'Staff of the court or the platform, and their close relatives, may not bid',
    );
    throw new AppError(ErrorCode.forbidden, message, [{ path: 'idNumber', message }]);
  }
}

export async function registerBidder(db: Db, input: TRegisterBidder): Promise<{ id: string; token: string }> {
  const checked = validateIdNumber(input.idNumber, clock.today());
  if (!checked.ok) throw invalidField('idNumber', checked.reason.zh, checked.reason.en);
  if (!mobilePattern.test(input.phone)) {
    throw invalidField('phone', '请填写 11 位手机号码', 'An 11-digit mobile number, please');
  }
  const idNumber = checked.value;
  return db.transaction(async (tx) => {
    await assertMayBid(tx, idNumber);
    const id = randomUUID();
    const token = `${bidderTokenPrefix}${randomBytes(32).toString('base64url')}`;
    await tx.execute(sql`insert into disposal.auction_bidders (id, name, id_number, phone, token_hash)
      values (${id}::uuid, ${input.name}, ${idNumber}, ${input.phone}, ${hashBidderToken(token)})`);
    await appendAudit(tx, {
      actor: null,
      action: 'auction.bidder.register',
      objectType: 'bidder',
      objectId: id,
      detail: { name: input.name },
    });
    return { id, token };
  });
}
