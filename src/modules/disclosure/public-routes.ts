import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { searchPublicDishonest, searchPublicRestricted } from '../credit/index.ts';
import {
  ZChallengeSchema,
  ZPublicEntryPageSchema,
  ZPublicListQuerySchema,
  ZPublicQuerySchema,
  ZPublicRestrictedPageSchema,
  ZPublicSearchQuerySchema,
  ZPublicSearchSchema,
  ZPublicTerminatedPageSchema,
} from './public-contracts.ts';
import { issueChallenge, listTerminated, searchRespondent } from './use-cases/public-search.ts';

const errors = { 400: ZErrorSchema, 429: ZErrorSchema };
// Per address: enough for a person searching, too little for harvesting the lists.
const publicRateLimit = { max: 30, timeWindow: '1 minute' };
const tags = ['public'];
const access = { kind: 'public' } as const;

/** The same answer for everyone asking the same thing: a proxy or the browser may keep it a minute. */
function cacheable(reply: FastifyReply): void {
  reply.header('cache-control', 'public, max-age=60');
  reply.header('vary', 'accept-language');
}

export type PublicRouteOptions = {
  db: Db;
  idMask: { from: number; to: number };
  powThreshold: number;
};

/**
 * The public portal (执行信息公开网; no sign-in): one respondent's open cases, dishonest entries,
 * restrictions and 终本 cases, and the lists — never without a query, in small capped pages.
 */
export function registerPublicRoutes(app: App, opts: PublicRouteOptions): void {
  const { db } = opts;
  const mask = { ...opts.idMask, char: '*' };
  const clientKey = (request: FastifyRequest) => `ip:${request.ip}`;
  app.get(
    '/api/v1/public/search',
    {
      config: { access, rateLimit: publicRateLimit },
      schema: {
        tags,
        summary: '被执行人查询 / Search one respondent: name with ID number or credit code',
        description:
          'A person by name together with the ID number; an organisation by name with its credit code, or by its exact name alone. While the portal is busy the answer is 429 with a detail `pow`: solve GET /api/v1/public/challenge and send `pow=<challenge>:<nonce>`.',
        security: [],
        querystring: ZPublicSearchQuerySchema,
        response: { 200: ZPublicSearchSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await searchRespondent(db, request.query, {
        mask,
        powThreshold: opts.powThreshold,
        clientKey: clientKey(request),
      });
      cacheable(reply);
      return found;
    },
  );
  app.get(
    '/api/v1/public/challenge',
    {
      config: { access, rateLimit: publicRateLimit },
      schema: {
        tags,
        summary: '工作量证明 / A proof-of-work challenge, for searching while the portal is busy',
        security: [],
        response: { 200: ZChallengeSchema, ...errors },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return issueChallenge(db);
    },
  );
  app.get(
    '/api/v1/public/dishonest',
    {
      config: { access, rateLimit: publicRateLimit },
      schema: {
        tags,
        summary: '失信被执行人名单公开查询 / Search the public dishonest list',
        security: [],
        querystring: ZPublicQuerySchema,
        response: { 200: ZPublicEntryPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const page = await searchPublicDishonest(db, request.query, { mask });
      cacheable(reply);
      return page;
    },
  );
  app.get(
    '/api/v1/public/consumption-restrictions',
    {
      config: { access, rateLimit: publicRateLimit },
      schema: {
        tags,
        summary: '限制消费人员公开查询 / Search consumption-restricted persons',
        security: [],
        querystring: ZPublicQuerySchema,
        response: { 200: ZPublicRestrictedPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const page = await searchPublicRestricted(db, request.query, { mask });
      cacheable(reply);
      return page;
    },
  );
  app.get(
    '/api/v1/public/terminated',
    {
      config: { access, rateLimit: publicRateLimit },
      schema: {
        tags,
        summary: '终本案件公开查询 / Search cases whose round of enforcement was terminated (终本)',
        security: [],
        querystring: ZPublicListQuerySchema,
        response: { 200: ZPublicTerminatedPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const page = await listTerminated(db, request.query, { mask });
      cacheable(reply);
      return page;
    },
  );
}
