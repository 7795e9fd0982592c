import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { isReachableWithoutSignIn, requireAccessDeclarations } from '../../platform/http/access.ts';
import type { App } from '../../platform/http/server.ts';
import { type Actor, roleValues } from './actor.ts';
import { loadActorByToken } from './use-cases/load-actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authToken: string | null;
  }
}

export const sessionCookie = 'zx_session';
export const csrfHeader = 'x-zhixing-csrf';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the actor of every request from `Authorization: Bearer <token>` (API clients) or the
 * httpOnly `zx_session` cookie (the web app). A cookie-authenticated write must also carry the
 * `x-zhixing-csrf` header, which a cross-site form or image cannot send (docs/decisions/0006).
 */
export function installAuth(app: App, db: Db, opts: { sessionIdleMinutes: number }): void {
  // Identity's routes come first: every route of every module after this line declares who may call it.
  requireAccessDeclarations(app, { roles: roleValues });
  app.decorateRequest('actor', null);
  app.decorateRequest('authToken', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    let token: string | null = null;
    let isCookie = false;
    if (header?.startsWith('Bearer ')) {
      token = header.slice(7).trim();
    } else {
      const cookie = request.cookies[sessionCookie];
      if (cookie) {
        token = cookie;
        isCookie = true;
      }
    }
    if (!token || token.length > 200 || !token.startsWith('zx_')) return;
    const actor = await loadActorByToken(db, token, { idleMinutes: opts.sessionIdleMinutes });
    if (!actor) return;
    if (isCookie && unsafeMethods.has(request.method) && request.headers[csrfHeader] === undefined) {
      throw new AppError(ErrorCode.forbidden, bi('缺少防跨站请求头', `Missing ${csrfHeader} header`));
    }
    request.actor = actor;
    request.authToken = token;
  });
  // Sign-in comes before validation: an anonymous request learns nothing about the body it sent.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const isOpen = isReachableWithoutSignIn(request.routeOptions.config);
    if (!request.url.startsWith('/api/v1/') || isOpen || !request.routeOptions.url) return;
    if (!request.actor) throw new AppError(ErrorCode.unauthenticated);
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(ErrorCode.unauthenticated);
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: expiresAt,
  });
}
