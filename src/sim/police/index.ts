/** The simulated detention centre of public security (`police`, docs/protocols/public-security.md). */
export {
  createDetentionCentre,
  DEFAULT_POLICE_KNOBS,
  type DetentionCentre,
  type PoliceOptions,
} from './centre.ts';
export * from './contracts.ts';
export { describePoliceApi } from './openapi.ts';
export { registerPoliceRoutes } from './routes.ts';
