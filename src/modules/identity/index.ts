export { type Actor, CourtLevel, hasRole, Role, roleLabels } from './actor.ts';
export { installAuth, requireActor } from './http-auth.ts';
export { demoPassword, hashPassword } from './password.ts';
export { dataScopePrefix, isInScope, requireRole } from './policy.ts';
export { registerIdentityRoutes } from './routes.ts';
export { loadActorByUserId, loadActorByUsername } from './use-cases/load-actor.ts';
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
