import type { DbOrTx } from '../../platform/db.ts';
import { demoAccounts, demoCourts, demoTeams } from './demo-org.ts';
import { demoPassword, hashPassword } from './password.ts';
import { insertCourt } from './use-cases/manage-courts.ts';
import { insertTeam } from './use-cases/manage-teams.ts';
import { insertUser } from './use-cases/manage-users.ts';

/** The demo courts, accounts (password `zhixing-demo`) and teams, without cases. */
export async function seedDemoOrganisation(db: DbOrTx, passwordHash?: string): Promise<void> {
  const courtIds = new Map<string, string>();
  const hash = passwordHash ?? (await hashPassword(demoPassword));
  await db.transaction(async (tx) => {
    for (const c of demoCourts) {
      const parentId = c.parent ? (courtIds.get(c.parent) ?? null) : null;
      const court = await insertCourt(tx, {
        name: c.name,
        courtCode: c.courtCode,
        level: c.level,
        divisionCode: c.divisionCode,
        parentId,
      });
      courtIds.set(c.key, court.id);
    }
    const userIds = new Map<string, string>();
    for (const a of demoAccounts) {
      const courtId = courtIds.get(a.court) ?? '';
      const user = await insertUser(
        tx,
        { username: a.username, displayName: a.displayName, password: demoPassword, courtId, roles: a.roles },
        { isDemo: true, passwordHash: hash },
      );
      userIds.set(a.username, user.id);
    }
    for (const t of demoTeams) {
      await insertTeam(tx, {
        name: t.name,
        courtId: courtIds.get(t.court) ?? '',
        judgeId: userIds.get(t.judge) ?? '',
        assistantId: t.assistant ? userIds.get(t.assistant) : null,
        bailiffId: t.bailiff ? userIds.get(t.bailiff) : null,
        clerkId: t.clerk ? userIds.get(t.clerk) : null,
      });
    }
  });
}
