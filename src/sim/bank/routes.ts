import type { FastifyInstance } from 'fastify';
import { bi, canonicalJson, SimErrorCode, sendError } from '../http-support.ts';
import { sha256Hex } from '../signature.ts';
import type { Bank } from './bank.ts';
import {
  BANK_CODE,
  BankErrorCode,
  ZBankPaymentRequestSchema,
  ZBankStatementQuerySchema,
  ZBankSubscriptionRequestSchema,
} from './contracts.ts';
import { registerDepositHoldRoutes } from './deposit-holds.ts';
import { admitIdempotencyKey, admitSigned, readBody, sendCodedError, validate } from './signed-request.ts';

/**
 * The court bank's protocol (docs/protocols/bank.md) under `/bank/v1`: every request signed with
 * the bank's key as `courtbank`. Checks in order: signature (401), body (400), idempotency key
 * (400), then the bank.
 */
export type BankRouteDeps = { bank: Bank; key: string };

// Ten thousand accounts do not fit in the simulator's 64 KiB.
const SUBSCRIPTION_BODY_LIMIT = 512 * 1024;

export function registerBankRoutes(app: FastifyInstance, deps: BankRouteDeps): void {
  const party = { code: BANK_CODE, key: deps.key };
  const unknownAccount = (path: string, account: string) => ({
    message: bi(`本行无此法院账户：${account}`, `No such court account at this bank: ${account}`),
    details: [{ path, message: BankErrorCode.unknownAccount }],
  });

  app.put('/bank/v1/subscription', { bodyLimit: SUBSCRIPTION_BODY_LIMIT }, async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const body = readBody(request, reply, ZBankSubscriptionRequestSchema);
    if (!body) return reply;
    return { accounts: await deps.bank.subscribe(body.data) };
  });

  app.post('/bank/v1/payments', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const body = readBody(request, reply, ZBankPaymentRequestSchema);
    if (!body || !admitIdempotencyKey(request, reply, body.data.instructionId)) return reply;
    const { instructionId } = body.data;
    const outcome = await deps.bank.submitPayment(body.data, sha256Hex(canonicalJson(body.json)));
    if (outcome === 'conflict') {
      return sendError(
        reply,
        SimErrorCode.conflict,
        bi('此指令编号已用于不同的付款', 'The instruction id was used for a different payment'),
        { details: [{ path: 'instructionId', message: instructionId }] },
      );
    }
    if (outcome === 'unknownAccount') {
      const { message, details } = unknownAccount('fromAccount', body.data.fromAccount);
      return sendCodedError(reply, 404, BankErrorCode.unknownAccount, message, details);
    }
    return reply.code(202).send({ instructionId, status: 'accepted' });
  });

  app.get<{ Params: { instructionId: string } }>(
    '/bank/v1/payments/:instructionId',
    async (request, reply) => {
      if (!admitSigned(request, reply, party)) return reply;
      const { instructionId } = request.params;
      const payment = deps.bank.findPayment(instructionId);
      if (!payment) {
        return sendError(
          reply,
          SimErrorCode.notFound,
          bi(`无此付款指令：${instructionId}`, `No such payment instruction: ${instructionId}`),
        );
      }
      return payment;
    },
  );

  app.get('/bank/v1/statements', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const query = validate(
      reply,
      ZBankStatementQuerySchema,
      request.query,
      bi('对账单查询参数有误', 'Invalid statement query'),
    );
    if (!query) return reply;
    const statement = deps.bank.statement(query.account, query.date);
    if (statement === 'unknownAccount') {
      const { message, details } = unknownAccount('account', query.account);
      return sendCodedError(reply, 404, BankErrorCode.unknownAccount, message, details);
    }
    if (statement === 'notReady') {
      return sendCodedError(
        reply,
        409,
        BankErrorCode.statementNotReady,
        bi(`${query.date} 尚未日终，对账单未出`, `${query.date} has not ended yet: no statement`),
        [{ path: 'date', message: BankErrorCode.statementNotReady }],
      );
    }
    return statement;
  });

  registerDepositHoldRoutes(app, deps);
}
