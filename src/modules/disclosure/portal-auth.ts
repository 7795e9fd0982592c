import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { clock } from '../../platform/clock.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { sessions } from './tables.ts';

/**
 * The portal's own credential (`/my`): a party signed in by SMS code, or a lawyer by licence
 * number and password, holds a bearer token `zxp_…` — sent as `authorization: Bearer <token>`, or
 * in `x-zhixing-portal` beside a court user's session. Only its SHA-256 is kept. It opens the
 * portal's routes and nothing of the court's: court routes know only court users' sessions.
 */
export const portalTokenPrefix = 'zxp_';
export const portalTokenHeader = 'x-zhixing-portal';
/** A portal session lasts 2 hours from sign-in; a party signs in again with a new code. */
export const portalSessionHours = 2;

export type PortalUser =
  | { kind: 'party'; identifier: string; name: string; expiresAt: Date }
  | { kind: 'lawyer'; lawyerId: string; name: string; expiresAt: Date };

export function newPortalToken(): string {
  return `${portalTokenPrefix}${randomBytes(32).toString('base64url')}`;
}

export function hashPortalToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function portalTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith(`Bearer ${portalTokenPrefix}`)) return header.slice(7).trim();
  const own = request.headers[portalTokenHeader];
  const value = Array.isArray(own) ? own[0] : own;
  return value?.startsWith(portalTokenPrefix) ? value.trim() : null;
}

/** Opens a session for the person or lawyer; the token is returned once. */
export async function openPortalSession(
  tx: DbOrTx,
  subject: { kind: 'party' | 'lawyer'; subjectId: string; name: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newPortalToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + portalSessionHours * 3_600_000);
  await tx
    .insert(sessions)
    .values({ tokenHash: hashPortalToken(token), ...subject, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function findPortalUser(db: DbOrTx, token: string | null): Promise<PortalUser | null> {
  if (token === null || token.length > 200) return null;
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashPortalToken(token)), gt(sessions.expiresAt, clock.now())));
  if (!row) return null;
  return row.kind === 'lawyer'
    ? { kind: 'lawyer', lawyerId: row.subjectId, name: row.name, expiresAt: row.expiresAt }
    : { kind: 'party', identifier: row.subjectId, name: row.name, expiresAt: row.expiresAt };
}

/** The portal user of a request, or 401. */
export async function requirePortalUser(db: DbOrTx, request: FastifyRequest): Promise<PortalUser> {
  const user = await findPortalUser(db, portalTokenOf(request));
  if (!user) {
    throw new AppError(
      ErrorCode.unauthenticated,
      bi('请先登录当事人门户', 'Sign in to the party portal first (authorization: Bearer <portal token>)'),
    );
  }
  return user;
}

export async function closePortalSession(db: DbOrTx, token: string | null): Promise<void> {
  if (token === null) return;
  await db.delete(sessions).where(eq(sessions.tokenHash, hashPortalToken(token)));
}

/** The key of a portal user's rate limits: their session, else their address. */
export function perPortalUser(request: FastifyRequest): string {
  const token = portalTokenOf(request);
  return token === null ? `ip:${request.ip}` : `portal:${hashPortalToken(token)}`;
}
