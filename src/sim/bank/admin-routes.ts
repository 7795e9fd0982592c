import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bi, SimErrorCode, sendError } from '../http-support.ts';
import type { Bank } from './bank.ts';
import {
  BankErrorCode,
  ZBankDiscrepancyRequestSchema,
  ZBankKnobsPatchSchema,
  ZBankTransferRequestSchema,
} from './contracts.ts';
import { admitAdmin, readBody, sendCodedError, validate } from './signed-request.ts';

/**
 * The simulator's handles on the court bank (`/sim/bank/*`, admin token): somebody pays in, a payee
 * account closes, a statement goes wrong, the knobs turn. For the demo, tests and benchmarks.
 */
export type BankAdminRouteDeps = { bank: Bank; adminToken: string };

const ZAccountParamSchema = z.object({ account: z.string().min(1).max(64) });

export function registerBankAdminRoutes(app: FastifyInstance, deps: BankAdminRouteDeps): void {
  const { bank } = deps;
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!admitAdmin(request, reply, deps.adminToken)) return reply;
    });

    admin.post('/sim/bank/transfers', async (request, reply) => {
      const body = readBody(request, reply, ZBankTransferRequestSchema);
      if (!body) return reply;
      const outcome = await bank.transfer(body.data);
      switch (outcome.kind) {
        case 'accepted':
          return reply.code(202).send({ serial: outcome.serial });
        case 'conflict':
          return sendError(
            reply,
            SimErrorCode.conflict,
            bi('此流水号已用于另一笔款项', 'The serial belongs to another payment'),
            { details: [{ path: 'serial', message: outcome.serial }] },
          );
        case 'unknownAccount':
          return sendCodedError(
            reply,
            404,
            BankErrorCode.unknownAccount,
            bi('收款账号不属于本行任何法院账户', 'The account belongs to no court account here'),
            [{ path: 'toAccount', message: BankErrorCode.unknownAccount }],
          );
      }
    });

    admin.get('/sim/bank/accounts', async () => bank.listAccounts());

    for (const [method, isClosed] of [
      ['PUT', true],
      ['DELETE', false],
    ] as const) {
      admin.route({
        method,
        url: '/sim/bank/closed-accounts/:account',
        handler: async (request, reply) => {
          const params = validate(
            reply,
            ZAccountParamSchema,
            request.params,
            bi('账号有误', 'Invalid account'),
          );
          if (!params) return reply;
          await bank.setClosed(params.account, isClosed);
          return reply.code(204).send();
        },
      });
    }

    admin.post('/sim/bank/discrepancies', async (request, reply) => {
      const body = readBody(request, reply, ZBankDiscrepancyRequestSchema);
      if (!body) return reply;
      const outcome = await bank.addDiscrepancy(body.data);
      switch (outcome.kind) {
        case 'added':
          return reply.code(201).send(outcome.discrepancy);
        case 'unknownAccount':
          return sendCodedError(
            reply,
            404,
            BankErrorCode.unknownAccount,
            bi('本行无此法院账户', 'No such court account at this bank'),
            [{ path: 'account', message: BankErrorCode.unknownAccount }],
          );
        case 'unknownLine':
          return sendError(
            reply,
            SimErrorCode.notFound,
            bi('该账户当日无此流水', 'No line with this serial in the account on that date'),
            { details: [{ path: 'serial', message: body.data.serial ?? '' }] },
          );
        case 'conflict':
          return sendError(reply, SimErrorCode.conflict, bi('流水号已被使用', 'The serial is in use'), {
            details: [{ path: 'serial', message: body.data.serial ?? '' }],
          });
      }
    });

    admin.get('/sim/bank/knobs', async () => bank.knobs());

    admin.put('/sim/bank/knobs', async (request, reply) => {
      const body = readBody(request, reply, ZBankKnobsPatchSchema);
      if (!body) return reply;
      return bank.patchKnobs(body.data);
    });
  });
}
