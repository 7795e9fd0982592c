import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { type App, errorResponses, ZClockSchema, ZErrorSchema } from '../../platform/http/server.ts';
import { isUuid } from '../../platform/ids.ts';
import { type Actor, Role } from './actor.ts';
import {
  ZAdvanceClockSchema,
  ZCourtFilterSchema,
  ZCourtListSchema,
  ZCourtSchema,
  ZIdParamSchema,
  ZLoginSchema,
  ZLogoutSchema,
  ZMeSchema,
  ZNewCourtSchema,
  ZNewTeamSchema,
  ZNewUserSchema,
  ZSignedInSchema,
  ZTeamListSchema,
  ZTeamSchema,
  ZUserListItemSchema,
  ZUserListSchema,
  ZUserPatchSchema,
} from './contracts.ts';
import { requireActor, sessionCookie, setSessionCookie } from './http-auth.ts';
import { moveClockForward } from './use-cases/advance-clock.ts';
import { createCourt, listCourts } from './use-cases/manage-courts.ts';
import { createTeam, listTeams } from './use-cases/manage-teams.ts';
import { createUser, listUsers, updateUser } from './use-cases/manage-users.ts';
import { signIn, signOut } from './use-cases/sign-in.ts';

export function userView(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    court: {
      id: actor.court.id,
      name: actor.court.name,
      courtCode: actor.court.courtCode,
      level: actor.court.level,
    },
  };
}

export type IdentityRouteOptions = { db: Db; sessionHours: number; secureCookies: boolean; isDemo: boolean };

export function registerIdentityRoutes(app: App, opts: IdentityRouteOptions): void {
  const { db } = opts;
  const tags = ['identity'];
  const errors = errorResponses;

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: { kind: 'public' }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '登录 / Sign in',
        security: [],
        body: ZLoginSchema,
        response: { 200: ZSignedInSchema, ...errors, 429: ZErrorSchema },
      },
    },
    async (request, reply) => {
      const { token, actor, expiresAt } = await signIn(db, {
        ...request.body,
        address: request.ip,
        sessionHours: opts.sessionHours,
        isDemo: opts.isDemo,
      });
      setSessionCookie(reply, token, expiresAt, opts.secureCookies);
      return { token, user: userView(actor) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { kind: 'public' } },
      schema: { tags, summary: '退出 / Sign out', response: { 204: ZLogoutSchema } },
    },
    async (request, reply) => {
      if (request.authToken) await signOut(db, request.authToken);
      reply.clearCookie(sessionCookie, { path: '/' });
      // A 204 carries no body: Fastify drops the payload and its content type.
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '当前用户 / Current user',
        response: { 200: ZMeSchema, 401: ZErrorSchema },
      },
    },
    async (request) => ({ user: userView(requireActor(request)) }),
  );

  // Demo mode only: outside it the route does not exist (404).
  if (opts.isDemo) {
    app.post(
      '/api/v1/demo/clock',
      {
        config: { access: { kind: 'signedIn', roles: [Role.admin] } },
        schema: {
          tags: ['system'],
          summary: '拨快演示时钟 / Move the demo clock forward (administrators, demo mode only)',
          body: ZAdvanceClockSchema,
          response: { 200: ZClockSchema, ...errors },
        },
      },
      async (request) => moveClockForward(db, requireActor(request), request.body.advanceSeconds),
    );
  }

  app.get(
    '/api/v1/courts',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '法院列表 / Courts in scope',
        response: { 200: ZCourtListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listCourts(db, requireActor(request)) }),
  );

  app.post(
    '/api/v1/courts',
    {
      config: { access: { kind: 'court', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '新增法院 / Create a court',
        body: ZNewCourtSchema,
        response: { 201: ZCourtSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCourt(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '用户列表 / Users in scope',
        querystring: ZCourtFilterSchema,
        response: { 200: ZUserListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listUsers(db, requireActor(request), request.query) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: { kind: 'court', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '新增用户 / Create a user',
        body: ZNewUserSchema,
        response: { 201: ZUserListItemSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(db, requireActor(request), request.body, opts.isDemo)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: { kind: 'court', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '修改用户 / Update a user',
        params: ZIdParamSchema,
        body: ZUserPatchSchema,
        response: { 200: ZUserListItemSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!isUuid(request.params.id)) throw notFound('用户', 'User');
      return updateUser(db, actor, request.params.id, request.body);
    },
  );

  app.get(
    '/api/v1/teams',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '执行团队 / Teams in scope',
        querystring: ZCourtFilterSchema,
        response: { 200: ZTeamListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listTeams(db, requireActor(request), request.query) }),
  );

  app.post(
    '/api/v1/teams',
    {
      config: { access: { kind: 'court', roles: [Role.admin, Role.courtLeader] } },
      schema: {
        tags,
        summary: '新建执行团队 / Create a team',
        body: ZNewTeamSchema,
        response: { 201: ZTeamSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTeam(db, requireActor(request), request.body)),
  );
}
