import type {
  TDisbursementState,
  TEscrowGround,
  TPayoutDelayReason,
  TPayoutDelayState,
  TPayoutLight,
} from '../../../../api/funds.ts';
import type { MessageKey } from '../../../../i18n/index.ts';

/** Message keys and colours of the funds vocabulary, looked up from the codes the server sends. */
export const disbursementStateKey = (state: TDisbursementState): MessageKey => `funds.state.${state}`;

export const disbursementStateColor: Record<TDisbursementState, string> = {
  pendingApproval: 'gold',
  approved: 'blue',
  instructed: 'processing',
  paid: 'green',
  failed: 'red',
  rejected: 'default',
};

export const payoutLightKey = (light: TPayoutLight): MessageKey => `funds.payout.${light}`;

export const payoutLightColor: Record<TPayoutLight, 'success' | 'warning' | 'error'> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

/** The grounds of 提存, in the order the rules list them; a Record, so none is left out. */
const escrowGroundKeys: Record<TEscrowGround, MessageKey> = {
  refused: 'funds.escrow.ground.refused',
  notFound: 'funds.escrow.ground.notFound',
  deceasedWithoutHeir: 'funds.escrow.ground.deceasedWithoutHeir',
  incapacitatedWithoutGuardian: 'funds.escrow.ground.incapacitatedWithoutGuardian',
  unreachable: 'funds.escrow.ground.unreachable',
};

export const escrowGrounds = Object.keys(escrowGroundKeys) as TEscrowGround[];

export const escrowGroundKey = (ground: TEscrowGround): MessageKey => escrowGroundKeys[ground];

/** The reasons of 执行款物管理规定 art. 15 for a payout delay, in the rule's order; a Record, so none is left out. */
const payoutDelayReasonKeys: Record<TPayoutDelayReason, MessageKey> = {
  distributionNeeded: 'funds.delay.reason.distributionNeeded',
  frozenInAnotherCase: 'funds.delay.reason.frozenInAnotherCase',
  applicantNotCollecting: 'funds.delay.reason.applicantNotCollecting',
  caseSuspended: 'funds.delay.reason.caseSuspended',
};

export const payoutDelayReasons = Object.keys(payoutDelayReasonKeys) as TPayoutDelayReason[];

export const payoutDelayReasonKey = (reason: TPayoutDelayReason): MessageKey => payoutDelayReasonKeys[reason];

export const payoutDelayStateKey = (state: TPayoutDelayState): MessageKey => `funds.delay.state.${state}`;

export const payoutDelayStateColor: Record<TPayoutDelayState, string> = {
  pendingApproval: 'gold',
  approved: 'blue',
  rejected: 'default',
  ended: 'green',
};

const ledgerKindKeys: Record<string, MessageKey> = {
  arrival: 'funds.kind.arrival',
  'arrival.claimed': 'funds.kind.arrivalClaimed',
  'arrival.unmatched': 'funds.kind.arrivalUnmatched',
  allocation: 'funds.kind.allocation',
  'allocation.decided': 'funds.kind.allocationDecided',
  payout: 'funds.kind.payout',
  'refund.payout': 'funds.kind.refundPayout',
  escrow: 'funds.kind.escrow',
};

const ledgerAccountKeys: Record<string, MessageKey> = {
  'court.bank': 'funds.ledgerAccount.court.bank',
  'court.unmatched': 'funds.ledgerAccount.court.unmatched',
  'court.paidOut': 'funds.ledgerAccount.court.paidOut',
  'case.unallocated': 'funds.ledgerAccount.case.unallocated',
  'case.fees': 'funds.ledgerAccount.case.fees',
  'case.payable': 'funds.ledgerAccount.case.payable',
  'case.paid': 'funds.ledgerAccount.case.paid',
  'case.escrow': 'funds.ledgerAccount.case.escrow',
  'case.refund': 'funds.ledgerAccount.case.refund',
};

const receiptSourceKeys: Record<string, MessageKey> = {
  bank: 'funds.source.bank',
  deduction: 'funds.source.deduction',
};

/** A code the server may add later is shown as sent rather than hidden. */
export function ledgerKindKey(kind: string): MessageKey | null {
  return ledgerKindKeys[kind] ?? null;
}

export function ledgerAccountKey(account: string): MessageKey | null {
  return ledgerAccountKeys[account] ?? null;
}

export function receiptSourceKey(source: string): MessageKey | null {
  return receiptSourceKeys[source] ?? null;
}
