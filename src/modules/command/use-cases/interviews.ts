import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { courtInScope, requireAnyRole, supervisors } from '../policy.ts';

/**
 * Interviews (约谈): a command centre or leader talks to a court (or one of its teams) below it,
 * or in its own court, about its problems — low indicators, passive cases, petitions — and keeps
 * the record.
 */
export async function recordInterview(
  db: Db,
  actor: Actor,
  input: {
    court: string;
    teamName?: string | null;
    reason: string;
    participants: string;
    record: string;
    interviewedOn?: string;
  },
) {
  requireAnyRole(actor, supervisors);
  const court = await courtInScope(db, actor, input.court);
  const today = clock.today();
  const on = input.interviewedOn ?? today;
  if (on > today)
    throw invalidField('interviewedOn', '约谈日期不能晚于今天', 'The interview cannot be in the future');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into command.interviews (id, court_id, court_path, court_name, team_name, reason,
        participants, record, interviewed_on, by_user, by_name, by_court_id)
      values (${id}, ${court.id}, ${court.path}, ${court.name}, ${input.teamName ?? null}, ${input.reason},
        ${input.participants}, ${input.record}, ${on}, ${actor.userId}, ${actor.displayName}, ${actor.court.id})`);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'command.interview',
      objectType: 'court',
      objectId: court.id,
      detail: { interviewId: id },
    });
  });
  return { id, court: { id: court.id, code: court.courtCode, name: court.name }, interviewedOn: on };
}

export async function listInterviews(db: DbOrTx, scope: { path: string }) {
  const rows = await db.execute<{
    id: string;
    court_id: string;
    court_name: string;
    team_name: string | null;
    reason: string;
    participants: string;
    record: string;
    interviewed_on: string;
    by_name: string;
  }>(
    sql`select id, court_id, court_name, team_name, reason, participants, record, interviewed_on::text, by_name
      from command.interviews where court_path like ${`${scope.path}%`} order by interviewed_on desc, id limit 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    court: { id: r.court_id, name: r.court_name },
    teamName: r.team_name,
    reason: r.reason,
    participants: r.participants,
    record: r.record,
    interviewedOn: r.interviewed_on,
    interviewedBy: r.by_name,
  }));
}
