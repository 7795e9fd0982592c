import { randomUUID } from 'node:crypto';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role } from '../actor.ts';
import { dataScopePrefix, isInScope, requireRole } from '../policy.ts';
import { courts, teams } from '../tables.ts';
import { listUsersByIds } from './manage-users.ts';

type Member = { id: string; displayName: string } | null;
export type TeamView = {
  id: string;
  name: string;
  court: { id: string; name: string };
  judge: Member;
  assistant: Member;
  bailiff: Member;
  clerk: Member;
};
export type NewTeam = {
  name: string;
  courtId: string;
  judgeId: string;
  assistantId?: string | null;
  bailiffId?: string | null;
  clerkId?: string | null;
};

const memberRole = {
  judgeId: Role.judge,
  assistantId: Role.assistant,
  bailiffId: Role.bailiff,
  clerkId: Role.clerk,
} as const;

/** A team is one judge with an assistant, a bailiff and a clerk of the same court (003 item 15). */
export async function insertTeam(tx: DbOrTx, input: NewTeam): Promise<string> {
  const [court] = await tx.select().from(courts).where(eq(courts.id, input.courtId));
  if (!court) throw invalidField('courtId', '法院不存在', 'Court not found');
  const ids = Object.keys(memberRole)
    .map((k) => input[k as keyof typeof memberRole])
    .filter((v): v is string => typeof v === 'string');
  const members = new Map((await listUsersByIds(tx, ids)).map((u) => [u.id, u]));
  for (const [field, role] of Object.entries(memberRole)) {
    const id = input[field as keyof typeof memberRole];
    if (!id) continue;
    const user = members.get(id);
    if (!user || user.court.id !== court.id)
      throw invalidField(field, '该用户不在本院', 'User is not in this court');
    if (!user.roles.includes(role))
      throw invalidField(field, '该用户没有相应角色', `User lacks the ${role} role`);
  }
  const id = randomUUID();
  await tx.insert(teams).values({
    id,
    courtId: court.id,
    name: input.name.trim(),
    judgeId: input.judgeId,
    assistantId: input.assistantId ?? null,
    bailiffId: input.bailiffId ?? null,
    clerkId: input.clerkId ?? null,
  });
  return id;
}

export async function createTeam(db: Db, actor: Actor, input: NewTeam): Promise<TeamView> {
  requireRole(actor, Role.admin, Role.courtLeader);
  const [court] = await db.select({ path: courts.path }).from(courts).where(eq(courts.id, input.courtId));
  if (!court || !isInScope(actor, court.path)) throw invalidField('courtId', '法院不存在', 'Court not found');
  return db.transaction(async (tx) => {
    const id = await insertTeam(tx, input);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'team.create',
      objectType: 'team',
      objectId: id,
      detail: { ...input },
    });
    const team = await getTeam(tx, id);
    if (!team) throw new AppError('INTERNAL');
    return team;
  });
}

export async function getTeam(db: DbOrTx, id: string): Promise<TeamView | null> {
  const [team] = await listTeamRows(db, eq(teams.id, id));
  return team ?? null;
}

export async function listTeams(db: DbOrTx, actor: Actor, filter: { courtId?: string }): Promise<TeamView[]> {
  return listTeamRows(
    db,
    and(
      // A grid worker works outside the court: whoever works in it is not theirs to list.
      like(courts.path, `${dataScopePrefix(actor)}%`),
      filter.courtId ? eq(teams.courtId, filter.courtId) : undefined,
    ),
  );
}

async function listTeamRows(db: DbOrTx, where: ReturnType<typeof and>): Promise<TeamView[]> {
  const rows = await db
    .select({ t: teams, courtName: courts.name })
    .from(teams)
    .innerJoin(courts, eq(courts.id, teams.courtId))
    .where(where)
    .orderBy(asc(teams.name))
    .limit(1000);
  const ids = rows
    .flatMap(({ t }) => [t.judgeId, t.assistantId, t.bailiffId, t.clerkId])
    .filter((v) => v !== null);
  const users = new Map((await listUsersByIds(db, [...new Set(ids)])).map((u) => [u.id, u]));
  const member = (id: string | null): Member => {
    const u = id ? users.get(id) : undefined;
    return u ? { id: u.id, displayName: u.displayName } : null;
  };
  return rows.map(({ t, courtName }) => ({
    id: t.id,
    name: t.name,
    court: { id: t.courtId, name: courtName },
    judge: member(t.judgeId),
    assistant: member(t.assistantId),
    bailiff: member(t.bailiffId),
    clerk: member(t.clerkId),
  }));
}

/** The team a user works in at a court, preferring the one they lead as judge. */
export async function findTeamOfMember(
  db: DbOrTx,
  courtId: string,
  userId: string,
): Promise<TeamView | null> {
  const rows = await db.execute<{ id: string }>(sql`
    select id from identity.teams where court_id = ${courtId}
      and ${userId} in (judge_id, assistant_id, clerk_id, bailiff_id)
    order by (judge_id = ${userId}) desc, created_at limit 1`);
  const own = rows[0];
  return own ? getTeam(db, own.id) : null;
}

/** A team's members as ids only: what filing and assignment need, in one query. */
export type TeamMembership = {
  id: string;
  name: string;
  courtId: string;
  judgeId: string;
  assistantId: string | null;
  bailiffId: string | null;
  clerkId: string | null;
};

const membershipColumns = {
  id: teams.id,
  name: teams.name,
  courtId: teams.courtId,
  judgeId: teams.judgeId,
  assistantId: teams.assistantId,
  bailiffId: teams.bailiffId,
  clerkId: teams.clerkId,
};

export async function getTeamMembership(db: DbOrTx, teamId: string): Promise<TeamMembership | null> {
  const [row] = await db.select(membershipColumns).from(teams).where(eq(teams.id, teamId)).limit(1);
  return row ?? null;
}

/** The team a user belongs to in a court — the one they lead first, then the oldest. */
export async function findTeamMembershipOf(
  db: DbOrTx,
  courtId: string,
  userId: string,
): Promise<TeamMembership | null> {
  const [row] = await db
    .select(membershipColumns)
    .from(teams)
    .where(
      and(
        eq(teams.courtId, courtId),
        sql`${userId}::uuid in (${teams.judgeId}, ${teams.assistantId}, ${teams.clerkId}, ${teams.bailiffId})`,
      ),
    )
    .orderBy(sql`(${teams.judgeId} = ${userId}::uuid) desc`, asc(teams.createdAt))
    .limit(1);
  return row ?? null;
}
