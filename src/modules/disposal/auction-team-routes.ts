import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZCaseIdParamSchema,
  ZCaseLotsSchema,
  ZCreateLotSchema,
  ZExclusionRecordedSchema,
  ZExclusionSchema,
  ZLotCreatedSchema,
  ZLotDecidedSchema,
  ZLotIdParamSchema,
  ZTransferInLieuSchema,
} from './auction-contracts.ts';
import { recordExclusion } from './use-cases/auction-exclusions.ts';
import { createLot } from './use-cases/lot-create.ts';
import { openSale, releaseLot, transferInLieu } from './use-cases/lot-decisions.ts';
import { listCaseLots } from './use-cases/lot-read.ts';

/**
 * The court's side of the auction: the case team announces lots and decides what follows failed
 * rounds; anyone who sees the case sees its lots; the administrator registers who may not bid.
 */
export function registerAuctionTeamRoutes(app: App, { db }: { db: Db }): void {
  const tags = ['auction'];
  const errors = errorResponses;
  const teamOnly = { kind: 'case', seats: teamSeats } as const;

  app.post(
    '/api/v1/cases/:id/lots',
    {
      config: { access: teamOnly },
      schema: {
        tags,
        summary: '发布拍卖公告 / Announce a lot of the case’s asset at its reference price',
        params: ZCaseIdParamSchema,
        body: ZCreateLotSchema,
        response: { 201: ZLotCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createLot(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/lots',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案拍品 / The case’s lots, with the winner for the court',
        params: ZCaseIdParamSchema,
        response: { 200: ZCaseLotsSchema, ...errors },
      },
    },
    async (request) => listCaseLots(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/auction/lots/:id/sale',
    {
      config: { access: teamOnly },
      schema: {
        tags,
        summary: '变卖 / After two failed rounds: a 60-day sale at the second round’s starting price',
        params: ZLotIdParamSchema,
        response: { 200: ZLotDecidedSchema, ...errors },
      },
    },
    async (request) => openSale(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/auction/lots/:id/transfer-in-lieu',
    {
      config: { access: teamOnly },
      schema: {
        tags,
        summary: '以物抵债 / An applicant takes the asset in payment at the failed round’s reserve price',
        params: ZLotIdParamSchema,
        body: ZTransferInLieuSchema,
        response: { 200: ZLotDecidedSchema, ...errors },
      },
    },
    async (request) => transferInLieu(db, requireActor(request), request.params.id, request.body.partyId),
  );

  app.post(
    '/api/v1/auction/lots/:id/release',
    {
      config: { access: teamOnly },
      schema: {
        tags,
        summary: '解除处置 / After two failed rounds or a failed sale: release the asset',
        params: ZLotIdParamSchema,
        response: { 200: ZLotDecidedSchema, ...errors },
      },
    },
    async (request) => releaseLot(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/auction/exclusions',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '不得竞买人员 / Register who may not bid (court or platform staff, close relatives)',
        body: ZExclusionSchema,
        response: { 201: ZExclusionRecordedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordExclusion(db, requireActor(request), request.body)),
  );
}
