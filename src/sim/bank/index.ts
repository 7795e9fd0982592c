/** The simulated court settlement bank (`courtbank`, docs/protocols/bank.md). */
export { registerBankAdminRoutes } from './admin-routes.ts';
export { type Bank, type BankOptions, createBank, DEFAULT_BANK_KNOBS } from './bank.ts';
export * from './contracts.ts';
export {
  captureSerialOf,
  MAX_HOLD_FEN,
  type TDepositHold,
  type TDepositHoldRequest,
  ZDepositCaptureRequestSchema,
  ZDepositHoldRequestSchema,
  ZDepositHoldSchema,
} from './deposit-holds.ts';
export { DEFAULT_NOTIFY_POLICY, type NotifyPolicy } from './notifier.ts';
export { registerBankRoutes } from './routes.ts';
