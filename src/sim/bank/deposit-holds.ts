import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZPositiveFen } from '../../kernel/index.ts';
import { bi, canonicalJson, SimErrorCode, sendError } from '../http-support.ts';
import { sha256Hex } from '../signature.ts';
import type { Bank } from './bank.ts';
import { BANK_CODE, BankErrorCode } from './contracts.ts';
import { admitIdempotencyKey, admitSigned, readBody, sendCodedError } from './signed-request.ts';

/**
 * Deposit holds (冻结保证金) at the simulated court bank (docs/protocols/bank.md §10): the bank holds
 * an auction deposit on the bidder's side, as a payment platform freezes it in the bidder's own
 * account; Zhixing later releases it (a losing bidder) or captures it — the bank pays the held amount
 * into a case account, which arrives like any other payment (an arrival notice, its serial
 * `DH` + the hold id). Every operation is signed and idempotent by the hold id.
 *
 * The simulator keeps holds in memory (not in its journal): after a restart a hold is unknown (404),
 * which Zhixing reads as never held. A capture's transfer is journaled like every transfer.
 */

// The simulated payer's available money: a larger hold is refused (the test hook for a refusal).
export const MAX_HOLD_FEN = 1_000_000_000;

const ZHoldId = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, '1–60 characters A–Z a–z 0–9 _ -');

export const ZDepositHoldRequestSchema = z
  .object({
    holdId: ZHoldId,
    payerName: z.string().trim().min(1).max(100),
    payerIdNumber: z.string().min(15).max(18),
    amountFen: ZPositiveFen,
    purpose: z.string().max(200),
  })
  .strict();

export const ZDepositCaptureRequestSchema = z
  .object({ toAccount: z.string().min(6).max(34), purpose: z.string().max(200) })
  .strict();

export const depositHoldStatusValues = ['held', 'refused', 'released', 'captured'] as const;

export const ZDepositHoldSchema = z.object({
  holdId: z.string(),
  status: z.enum(depositHoldStatusValues),
  amountFen: z.number().int(),
  heldAt: z.string().optional(),
  reason: z.string().optional(),
  releasedAt: z.string().optional(),
  capturedAt: z.string().optional(),
  /** The serial of the capture's transfer into the case account (its arrival notice's serial). */
  serial: z.string().optional(),
  toAccount: z.string().optional(),
});

export type TDepositHoldRequest = z.infer<typeof ZDepositHoldRequestSchema>;
export type TDepositHold = z.infer<typeof ZDepositHoldSchema>;

type HoldState = TDepositHold & { bodyHash: string; payerName: string };

/** The serial of a hold's capture transfer (unique at the bank, for ever). */
export function captureSerialOf(holdId: string): string {
  return `DH${holdId}`;
}

function view(hold: HoldState): TDepositHold {
  const { bodyHash: _b, payerName: _p, ...rest } = hold;
  return rest;
}

export type DepositHoldDeps = { bank: Bank; key: string };

export function registerDepositHoldRoutes(app: FastifyInstance, deps: DepositHoldDeps): void {
  const party = { code: BANK_CODE, key: deps.key };
  const holds = new Map<string, HoldState>();
  const unknownHold = (holdId: string) => bi(`无此保证金冻结：${holdId}`, `No such deposit hold: ${holdId}`);

  app.post('/bank/v1/deposit-holds', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const body = readBody(request, reply, ZDepositHoldRequestSchema);
    if (!body || !admitIdempotencyKey(request, reply, body.data.holdId)) return reply;
    const { holdId, amountFen, payerName } = body.data;
    const bodyHash = sha256Hex(canonicalJson(body.json));
    const existing = holds.get(holdId);
    if (existing) {
      if (existing.bodyHash !== bodyHash) {
        return sendError(
          reply,
          SimErrorCode.conflict,
          bi('此冻结编号已用于不同的冻结', 'The hold id was used for a different hold'),
          { details: [{ path: 'holdId', message: holdId }] },
        );
      }
      return reply.code(existing.status === 'refused' ? 200 : 201).send(view(existing));
    }
    const hold: HoldState =
      amountFen > MAX_HOLD_FEN
        ? { holdId, status: 'refused', amountFen, reason: 'insufficient funds', bodyHash, payerName }
        : { holdId, status: 'held', amountFen, heldAt: new Date().toISOString(), bodyHash, payerName };
    holds.set(holdId, hold);
    return reply.code(hold.status === 'refused' ? 200 : 201).send(view(hold));
  });

  app.get<{ Params: { holdId: string } }>('/bank/v1/deposit-holds/:holdId', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const hold = holds.get(request.params.holdId);
    if (!hold) return sendError(reply, SimErrorCode.notFound, unknownHold(request.params.holdId));
    return view(hold);
  });

  app.post<{ Params: { holdId: string } }>(
    '/bank/v1/deposit-holds/:holdId/release',
    async (request, reply) => {
      if (!admitSigned(request, reply, party)) return reply;
      const hold = holds.get(request.params.holdId);
      if (!hold) return sendError(reply, SimErrorCode.notFound, unknownHold(request.params.holdId));
      if (hold.status === 'captured' || hold.status === 'refused') {
        return sendError(
          reply,
          SimErrorCode.conflict,
          bi(`该冻结已${hold.status === 'captured' ? '划转' : '被拒绝'}`, `The hold is ${hold.status}`),
          { details: [{ path: 'holdId', message: hold.status }] },
        );
      }
      if (hold.status === 'held') {
        hold.status = 'released';
        hold.releasedAt = new Date().toISOString();
      }
      return view(hold);
    },
  );

  app.post<{ Params: { holdId: string } }>(
    '/bank/v1/deposit-holds/:holdId/capture',
    async (request, reply) => {
      if (!admitSigned(request, reply, party)) return reply;
      const body = readBody(request, reply, ZDepositCaptureRequestSchema);
      if (!body) return reply;
      const hold = holds.get(request.params.holdId);
      if (!hold) return sendError(reply, SimErrorCode.notFound, unknownHold(request.params.holdId));
      const isOtherAccount = hold.toAccount !== undefined && hold.toAccount !== body.data.toAccount;
      if (hold.status === 'released' || hold.status === 'refused' || isOtherAccount) {
        return sendError(
          reply,
          SimErrorCode.conflict,
          bi('该冻结不能划转到此账户', 'The hold cannot be captured into this account'),
          { details: [{ path: isOtherAccount ? 'toAccount' : 'holdId', message: hold.status }] },
        );
      }
      // The held money is paid into the case account as a transfer of the bank's own: notified
      // as an arrival; a second capture notifies the same serial again, never credits it twice.
      const serial = captureSerialOf(hold.holdId);
      const outcome = await deps.bank.transfer({
        toAccount: body.data.toAccount,
        amountFen: hold.amountFen,
        payerName: hold.payerName,
        serial,
      });
      if (outcome.kind === 'unknownAccount') {
        return sendCodedError(
          reply,
          404,
          BankErrorCode.unknownAccount,
          bi('收款账号不属于本行任何法院账户', 'The account belongs to no court account here'),
          [{ path: 'toAccount', message: BankErrorCode.unknownAccount }],
        );
      }
      if (outcome.kind === 'conflict') {
        return sendError(reply, SimErrorCode.conflict, bi('流水号冲突', 'Serial conflict'), {
          details: [{ path: 'holdId', message: serial }],
        });
      }
      hold.status = 'captured';
      hold.capturedAt ??= new Date().toISOString();
      hold.serial = serial;
      hold.toAccount = body.data.toAccount;
      return view(hold);
    },
  );
}
