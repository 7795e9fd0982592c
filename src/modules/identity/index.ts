export { type Actor, CourtLevel, hasRole, Role, roleLabels } from './actor.ts';
export { installAuth, requireActor } from './http-auth.ts';
export { demoPassword, hashPassword } from './password.ts';
export { dataScopePrefix, isInScope, requireRole } from './policy.ts';
export { registerIdentityRoutes } from './routes.ts';
export { loadActorByUserId, loadActorByUsername } from './use-cases/load-actor.ts';
export {
  type ApiCapability,
  type ApiClient,
  addApiUsage,
  apiCapabilities,
  apiKeyPrefix,
  apiUsageOn,
  createApiClient,
  findApiClientByKey,
  hashApiKey,
  listApiClients,
  listWebhookSubscribers,
  type NewApiClient,
  revokeApiClient,
} from './use-cases/manage-api-clients.ts';
export { areasOfUser, readUserAreas, setUserAreas } from './use-cases/manage-areas.ts';
export {
  type CourtView,
  courtNamesByIds,
  ensureRootCourt,
  findCourtByCode,
  getCourt,
  insertCourt,
  listCourts,
} from './use-cases/manage-courts.ts';
export {
  findTeamMembershipOf,
  findTeamOfMember,
  getTeam,
  getTeamMembership,
  insertTeam,
  type TeamMembership,
  type TeamView,
} from './use-cases/manage-teams.ts';
export { insertUser, listUsersByIds, type UserView } from './use-cases/manage-users.ts';
