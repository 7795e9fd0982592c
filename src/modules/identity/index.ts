import { defineModule } from '../../platform/module.ts';
import { seedDemoOrganisation } from './demo-seed.ts';
import { installAuth } from './http-auth.ts';
import { registerIdentityRoutes } from './routes.ts';

export { type Actor, hasRole, Role, roleLabels } from './actor.ts';
export { demoAccounts } from './demo-org.ts';
export { seedDemoOrganisation } from './demo-seed.ts';
export { requireActor } from './http-auth.ts';
export { checkPasswordPolicy, demoPassword, hashPassword, verifyPassword } from './password.ts';
export { dataScopePrefix, isInScope, requireRole } from './policy.ts';
export { loadActorByUserId, loadActorByUsername } from './use-cases/load-actor.ts';
export { areasOfUser, readUserAreas, setUserAreas } from './use-cases/manage-areas.ts';
export {
  type CourtView,
  courtNamesByIds,
  ensureRootCourt,
  findCourtByCode,
  getCourt,
  insertCourt,
  listChildCourts,
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
export { insertUser, listUsersByIds, type UserView, userIdsWithRole } from './use-cases/manage-users.ts';
export { systemActorFor } from './use-cases/system-actor.ts';

/**
 * Identity: courts of the four levels, users, roles, teams, sessions, the administrative areas of
 * grid workers, and the data scope every query obeys. First in the list: its sign-in hook resolves the
 * actor of every request before any other module's route runs.
 */
export const identityModule = defineModule({
  name: 'identity',
  routes(app, ctx) {
    installAuth(app, ctx.database.db, { sessionIdleMinutes: ctx.config.sessionIdleMinutes });
    registerIdentityRoutes(app, {
      db: ctx.database.db,
      sessionHours: ctx.config.sessionHours,
      secureCookies: ctx.config.secureCookies,
      isDemo: ctx.config.isDemo,
    });
  },
  seedDemo: (ctx) => seedDemoOrganisation(ctx.database.db),
});
