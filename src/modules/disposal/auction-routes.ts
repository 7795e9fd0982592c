import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/server.ts';
import { ZErrorSchema } from '../../platform/http/server.ts';
import type { ModuleContext } from '../../platform/module.ts';
import {
  ZBidAcceptedSchema,
  ZBidderHomeSchema,
  ZBidderRegisteredSchema,
  ZBidSchema,
  ZDepositAnswerSchema,
  ZLotIdParamSchema,
  ZLotPageSchema,
  ZLotSearchQuerySchema,
  ZPublicLotSchema,
  ZRegisterBidderSchema,
  ZStreamQuerySchema,
} from './auction-contracts.ts';
import { createLotHub } from './auction-live.ts';
import { catchUp, streamLot, wantsEventStream } from './auction-stream.ts';
import { registerAuctionTeamRoutes } from './auction-team-routes.ts';
import { createBidBatcher } from './use-cases/bid-batcher.ts';
import { placeBid } from './use-cases/bid-place.ts';
import { bidderHome } from './use-cases/bidder-home.ts';
import {
  bidderTokenOf,
  hashBidderToken,
  registerBidder,
  requireBidder,
} from './use-cases/bidder-register.ts';
import { placeDeposit } from './use-cases/deposit-place.ts';
import { getPublicLot, searchLots } from './use-cases/lot-read.ts';

/**
 * The auction site's routes (网络司法拍卖): the public lot, search and live stream; bidders'
 * registration, deposits, bids and own page, on the bidder's bearer token (`authorization: Bearer
 * zxb_…`, or `x-zhixing-bidder` beside a court user's session); and the case team's (see
 * auction-team-routes.ts). One LISTEN connection per server process feeds its streams; closed with
 * the app.
 */
const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
  429: ZErrorSchema,
};
const tags = ['auction'];
// Per address: a person registers once, a script cannot fill the register.
const registerRateLimit = { max: 30, timeWindow: '1 minute' };
// Per address: enough to browse, too little to scrape the site.
const searchRateLimit = { max: 120, timeWindow: '1 minute' };
// Per bidder: ten a second at most, far above any person's bidding, and a flood is cut off cheaply
// (the count is leased from PostgreSQL a few dozen at a time: docs/decisions/0013).
function perBidder(request: FastifyRequest): string {
  const token = bidderTokenOf(request);
  return token === null ? `ip:${request.ip}` : `bidder:${hashBidderToken(token)}`;
}
const bidRateLimit = { max: 600, timeWindow: '1 minute', keyGenerator: perBidder };
// Per bidder: each asks the bank; a person joins a few lots, not hundreds a minute.
const depositRateLimit = { max: 60, timeWindow: '1 minute', keyGenerator: perBidder };

export function registerAuctionRoutes(app: App, ctx: ModuleContext): void {
  const { database, config } = ctx;
  const db = database.db;
  const batcher = createBidBatcher(database);
  const hub = createLotHub({ database, logger: ctx.logger, catchUp: (w) => catchUp(db, hub, w) });
  // Streams end before the server waits for its connections; the LISTEN connection after.
  app.addHook('preClose', async () => {
    await hub.close();
  });

  app.get(
    '/api/v1/auction/lots',
    {
      config: { access: { kind: 'public' }, rateLimit: searchRateLimit },
      schema: {
        tags,
        summary: '拍品搜索 / Search lots (region, asset type, price, state; 50 pages at most)',
        security: [],
        querystring: ZLotSearchQuerySchema,
        response: { 200: ZLotPageSchema, ...errors },
      },
    },
    async (request) => searchLots(db, request.query),
  );

  app.get(
    '/api/v1/auction/lots/:id',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: '拍品详情 / A lot, as the public sees it (bidders by their bidder numbers only)',
        security: [],
        params: ZLotIdParamSchema,
        response: { 200: ZPublicLotSchema, ...errors },
      },
    },
    async (request) => getPublicLot(db, request.params.id),
  );

  app.get(
    '/api/v1/auction/lots/:id/stream',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary:
          '拍品实时动态 / Live updates: Server-Sent Events (`snapshot`, `bid`, `state`, `clock`) with `Accept: text/event-stream`; the lot as JSON otherwise',
        security: [],
        params: ZLotIdParamSchema,
        querystring: ZStreamQuerySchema,
        response: { 200: ZPublicLotSchema, ...errors },
      },
    },
    async (request, reply) => {
      if (!wantsEventStream(request)) return getPublicLot(db, request.params.id);
      await streamLot(db, hub, request, reply, request.params.id, request.query.since);
      return reply;
    },
  );

  app.post(
    '/api/v1/auction/bidders',
    {
      config: { access: { kind: 'public' }, rateLimit: registerRateLimit },
      schema: {
        tags,
        summary: '竞买人实名登记 / Register as a bidder in one’s real name (the token is shown once)',
        security: [],
        body: ZRegisterBidderSchema,
        response: { 201: ZBidderRegisteredSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await registerBidder(db, request.body)),
  );

  app.post(
    '/api/v1/auction/lots/:id/deposits',
    {
      config: { access: { kind: 'public' }, rateLimit: depositRateLimit },
      schema: {
        tags,
        summary: '交纳保证金（银行冻结） / Pay the deposit: held at the bank; answers the bidder number',
        security: [{ bearer: [] }],
        params: ZLotIdParamSchema,
        response: { 201: ZDepositAnswerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const bidder = await requireBidder(db, request);
      return reply.status(201).send(await placeDeposit(db, config, bidder, request.params.id));
    },
  );

  app.post(
    '/api/v1/auction/lots/:id/purchase',
    {
      config: { access: { kind: 'public' }, rateLimit: depositRateLimit },
      schema: {
        tags,
        summary:
          '变卖全额付款 / Buy a lot for sale: the full price held and paid into the case account; the first wins',
        security: [{ bearer: [] }],
        params: ZLotIdParamSchema,
        response: { 201: ZDepositAnswerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const bidder = await requireBidder(db, request);
      return reply.status(201).send(await placeDeposit(db, config, bidder, request.params.id, 'purchase'));
    },
  );

  app.post(
    '/api/v1/auction/lots/:id/bids',
    {
      config: { access: { kind: 'public' }, rateLimit: bidRateLimit },
      schema: {
        tags,
        summary: '出价 / Bid (a bid in the last 5 minutes moves the end to 5 minutes after it)',
        security: [{ bearer: [] }],
        params: ZLotIdParamSchema,
        body: ZBidSchema,
        response: { 201: ZBidAcceptedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await placeBid(
            database,
            batcher,
            request.params.id,
            bidderTokenOf(request),
            request.body.amountFen,
          ),
        ),
  );

  app.get(
    '/api/v1/auction/me',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: '我的竞买 / The bidder’s own deposits and bids',
        security: [{ bearer: [] }],
        response: { 200: ZBidderHomeSchema, ...errors },
      },
    },
    async (request) => bidderHome(db, await requireBidder(db, request)),
  );

  registerAuctionTeamRoutes(app, { db });
}
