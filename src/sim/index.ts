/**
 * The simulated outside world (`zhixing sim`): banks, registries and platforms that answer the
 * inquiry protocol of docs/protocols/inquiry.md over HTTP, the court's settlement bank
 * (docs/protocols/bank.md), the SMS gateway (docs/protocols/sms.md) and the valuation platforms
 * (docs/protocols/valuation.md). Zhixing talks to it only over HTTP, so a real institution can
 * take its place; this surface is for starting it in-process (demo, tests, bench) and holds the
 * schemas Zhixing validates the bank's and gateway's bodies with.
 */

export {
  BANK_CODE,
  BankErrorCode,
  BankFailureReason,
  bankKey,
  MAX_NOTIFICATIONS_PER_REQUEST,
  type TBankAccounts,
  type TBankArrival,
  type TBankPayment,
  type TBankPaymentRequest,
  type TBankPaymentResult,
  type TBankStatement,
  type TBankStatementLine,
  type TBankSubscriptionRequest,
  type TBankTransferRequest,
  ZBankAccountsSchema,
  ZBankArrivalSchema,
  ZBankArrivalsNotificationSchema,
  ZBankPaymentAcceptedSchema,
  ZBankPaymentRequestSchema,
  ZBankPaymentResultSchema,
  ZBankPaymentResultsNotificationSchema,
  ZBankPaymentSchema,
  ZBankStatementLineSchema,
  ZBankStatementSchema,
  ZBankSubscriptionAnswerSchema,
  ZBankSubscriptionRequestSchema,
} from './bank/index.ts';
export type { CallbackPolicy } from './callbacks.ts';
export {
  BODY_SCHEMAS,
  RESULT_SCHEMAS,
  type TAnswerAsset,
  type TEnvelope,
  type TRelation,
  ZAcceptedSchema,
  ZAnswerAssetSchema,
  ZEnvelopeSchema,
  ZErrorSchema,
  ZRelationSchema,
} from './contracts.ts';
export { INSTITUTIONS, institutionKeys } from './institutions.ts';
export {
  computeSignature,
  HEADER_CALLBACK_ID,
  HEADER_IDEMPOTENCY_KEY,
  HEADER_INSTITUTION,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  MAX_SKEW_MS,
  signRequest,
  verifySignature,
} from './signature.ts';
export {
  type SimInstitutionView,
  type SimStats,
  type Simulator,
  type StartSimulatorOptions,
  startSimulator,
} from './simulator.ts';
export {
  SMS_CODE,
  smsKey,
  type TSmsMessage,
  type TSmsMessageRequest,
  type TSmsOutbox,
  ZSmsAcceptedSchema,
  ZSmsMessageRequestSchema,
  ZSmsMessageSchema,
  ZSmsOutboxSchema,
} from './sms/index.ts';
export type { AssetType, Institution, Knobs, Operation } from './types.ts';
export {
  DEFAULT_VALUATION_KNOBS,
  type Lateness,
  type TValuationInquiry,
  type TValuationInquiryRequest,
  type TValuationKnobs,
  type TValuationReport,
  VALUATION_PLATFORMS,
  type ValuationOptions,
  valuationPlatformKey,
  ZValuationInquiryRequestSchema,
  ZValuationInquirySchema,
  ZValuationKnobsPatchSchema,
  ZValuationReportSchema,
} from './valuation/index.ts';
