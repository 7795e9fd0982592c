/**
 * The kernel: national codes and shared types that every module, the demo, the simulator and the
 * web app use — written once, pure (no I/O, no clock, nothing of the project imported), each
 * rule citing its source and tested with its numbers (DOMAIN.md §1).
 */
export * from './case-account.ts';
export * from './case-number.ts';
export * from './court-code.ts';
export * from './credit-code.ts';
export * from './id-number.ts';
export * from './iso-date.ts';
export * from './money.ts';
export * from './rule-result.ts';
export * from './schemas.ts';
export * from './search-tokens.ts';
export * from './working-days.ts';
