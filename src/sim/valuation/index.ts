/** The simulated valuation platforms (司法网络询价平台, docs/protocols/valuation.md). */
export * from './contracts.ts';
export {
  createValuationDesk,
  DEFAULT_VALUATION_CALLBACKS,
  DEFAULT_VALUATION_KNOBS,
  planReport,
  type ValuationDesk,
  type ValuationOptions,
} from './desk.ts';
export { registerValuationRoutes } from './routes.ts';
