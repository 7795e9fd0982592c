import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { deadlineKindLabel } from '../../cases/index.ts';
import { type Actor, Role, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { courtInScope, requireAnyRole, supervisors } from '../policy.ts';
import {
  type DeadlineWarning,
  deadlineWarning,
  defaultPassiveDays,
  type Escalation,
  isSpecial,
  passiveWarning,
} from '../rules/warnings.ts';
import { parentCourtId } from './courts.ts';

type OpenCase = {
  case_id: string;
  court_id: string;
  court_path: string;
  case_number: string;
  flags: string[];
  next_deadline_kind: string | null;
  next_deadline_on: string | null;
  last_node_on: string | null;
  filed_on: string;
  judge_id: string | null;
  assistant_id: string | null;
  passive_days: number | null;
};

type Found = {
  c: OpenCase;
  kind: 'deadline' | 'passive';
  deadlineKind: string;
  dueOn: string | null;
  w: DeadlineWarning;
};

const batchSize = 2000;

/**
 * The daily scan (预警): every open case's next deadline and its last node, read from what the cases
 * module publishes, in batches. Warnings are kept one per case, kind and deadline; those no longer
 * due are removed; each new warning or each step up is told to its recipients once.
 */
export async function scanWarnings(
  db: Db,
  today = clock.today(),
): Promise<{ scanned: number; warnings: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let scanned = 0;
  let warnings = 0;
  const recipients = new Map<string, string[]>();
  const usersWith = async (tx: DbOrTx, courtId: string | null, role: Role) => {
    if (!courtId) return [];
    const key = `${courtId}|${role}`;
    const known = recipients.get(key);
    if (known) return known;
    const ids = await userIdsWithRole(tx, courtId, role);
    recipients.set(key, ids);
    return ids;
  };
  for (;;) {
    const batch =
      await db.execute<OpenCase>(sql`select f.case_id, f.court_id, f.court_path, f.case_number, f.flags,
        f.next_deadline_kind, f.next_deadline_on::text, f.last_node_on::text, f.filed_on::text, f.judge_id, f.assistant_id,
        s.passive_days
      from cases.indicator_facts f left join command.court_settings s on s.court_id = f.court_id
      where f.status <> 'closed' and f.case_id > ${after}::uuid order by f.case_id limit ${batchSize}`);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.case_id ?? after;
    scanned += batch.length;
    const found: Found[] = [];
    for (const c of batch) {
      if (c.next_deadline_on && c.next_deadline_kind) {
        const w = deadlineWarning(c.next_deadline_on, today, c.flags);
        if (w)
          found.push({
            c,
            kind: 'deadline',
            deadlineKind: c.next_deadline_kind,
            dueOn: c.next_deadline_on,
            w,
          });
      }
      const w = passiveWarning(
        c.last_node_on ?? c.filed_on,
        today,
        c.flags,
        c.passive_days ?? defaultPassiveDays,
      );
      if (w) found.push({ c, kind: 'passive', deadlineKind: '', dueOn: null, w });
    }
    warnings += found.length;
    await db.transaction(async (tx) => {
      const ids = sql.param(batch.map((c) => c.case_id));
      const keep = sql.param(found.map((f) => `${f.c.case_id}|${f.kind}|${f.deadlineKind}`));
      await tx.execute(sql`delete from command.warnings where case_id = any(${ids}::text[]::uuid[])
        and not (case_id::text || '|' || kind || '|' || deadline_kind = any(${keep}::text[]))`);
      for (const f of found) {
        const team = [f.c.judge_id, f.c.assistant_id].filter((u): u is string => u !== null);
        const [row] = await tx.execute<{ previous: string | null }>(sql`with prior as (
            select level || '/' || escalation as previous from command.warnings
            where case_id = ${f.c.case_id} and kind = ${f.kind} and deadline_kind = ${f.deadlineKind})
          insert into command.warnings (id, case_id, case_number, court_id, court_path, kind, deadline_kind, due_on, level,
            escalation, flags, raised_on, updated_on, team_ids, days)
          values (${randomUUID()}, ${f.c.case_id}, ${f.c.case_number}, ${f.c.court_id}, ${f.c.court_path}, ${f.kind},
            ${f.deadlineKind}, ${f.dueOn}, ${f.w.level}, ${f.w.escalation}, ${sql.param(f.c.flags)}::text[], ${today}, ${today},
            ${sql.param(team)}::text[]::uuid[], ${f.w.days})
          on conflict (case_id, kind, deadline_kind) do update set due_on = excluded.due_on, level = excluded.level,
            escalation = excluded.escalation, flags = excluded.flags, updated_on = excluded.updated_on,
            team_ids = excluded.team_ids, days = excluded.days
          returning (select previous from prior)`);
        const current = `${f.w.level}/${f.w.escalation}`;
        if (row?.previous === current) continue;
        await tell(tx, f, team, today, usersWith);
      }
    });
  }
  // Cases closed since (or no longer open) were not scanned today: their warnings go.
  await db.execute(sql`delete from command.warnings w where w.updated_on < ${today}
    or not exists (select 1 from cases.indicator_facts f where f.case_id = w.case_id and f.status <> 'closed')`);
  return { scanned, warnings };
}

async function tell(
  tx: DbOrTx,
  f: Found,
  team: string[],
  today: string,
  usersWith: (tx: DbOrTx, courtId: string | null, role: Role) => Promise<string[]>,
): Promise<void> {
  const to: Record<Escalation, () => Promise<string[]>> = {
    team: async () => team,
    courtLeader: async () => [...team, ...(await usersWith(tx, f.c.court_id, Role.courtLeader))],
    commandCentre: async () => [
      ...(await usersWith(tx, f.c.court_id, Role.courtLeader)),
      ...(await usersWith(tx, f.c.court_id, Role.commandCentre)),
      ...(await usersWith(tx, parentCourtId(f.c.court_path), Role.commandCentre)),
    ],
  };
  const what =
    f.kind === 'passive'
      ? `已${f.w.days}日无执行节点，可能存在消极执行`
      : f.w.level === 'red'
        ? `${deadlineKindLabel(f.deadlineKind).zh}已逾期${f.w.days}日（${f.dueOn}届满）`
        : `${deadlineKindLabel(f.deadlineKind).zh}将于${f.dueOn}届满`;
  await queueInApp(tx, {
    dedupeKey: `command.warning:${f.c.case_id}:${f.kind}:${f.deadlineKind}:${f.w.level}:${f.w.escalation}`,
    userIds: await to[f.w.escalation](),
    title: `${f.w.level === 'red' ? '红色' : '黄色'}预警：${f.c.case_number}${isSpecial(f.c.flags) ? '（重点案件）' : ''}`,
    body: `${f.c.case_number}：${what}。（${today}）`,
    kind: 'command.warning',
    caseId: f.c.case_id,
    courtId: f.c.court_id,
  });
}

/** The warnings of a court and the courts below it, red first, the special cases first among them. */
export async function listWarnings(
  db: DbOrTx,
  scope: { path: string },
  filter: { level?: 'yellow' | 'red'; kind?: 'deadline' | 'passive'; special?: boolean },
) {
  const rows = await db.execute<{
    case_id: string;
    case_number: string;
    court_id: string;
    kind: 'deadline' | 'passive';
    deadline_kind: string;
    due_on: string | null;
    level: 'yellow' | 'red';
    escalation: Escalation;
    flags: string[];
    raised_on: string;
    days: number;
  }>(sql`select case_id, case_number, court_id, kind, deadline_kind, due_on::text, level, escalation, flags,
      raised_on::text, days
    from command.warnings
    where court_path like ${`${scope.path}%`}
      and (${filter.level ?? null}::text is null or level = ${filter.level ?? null})
      and (${filter.kind ?? null}::text is null or kind = ${filter.kind ?? null})
      and (${filter.special === true} = false or flags && array['stateOrgan', 'military', 'livelihood'])
    order by level = 'red' desc, flags && array['stateOrgan', 'military', 'livelihood'] desc, days desc, case_number
    limit 500`);
  const items = rows.map((r) => ({
    caseId: r.case_id,
    caseNumber: r.case_number,
    courtId: r.court_id,
    kind: r.kind,
    deadlineKind: r.deadline_kind || null,
    deadlineLabel: r.deadline_kind ? deadlineKindLabel(r.deadline_kind) : null,
    dueOn: r.due_on,
    level: r.level,
    escalation: r.escalation,
    isSpecial: isSpecial(r.flags),
    flags: r.flags,
    raisedOn: r.raised_on,
    days: r.days,
  }));
  return {
    items,
    statistics: {
      red: items.filter((i) => i.level === 'red').length,
      yellow: items.filter((i) => i.level === 'yellow').length,
      passive: items.filter((i) => i.kind === 'passive').length,
      special: items.filter((i) => i.isSpecial).length,
    },
  };
}

/** A court's own passive threshold (days without a node), set by its command centre or leader. */
export async function setPassiveDays(db: Db, actor: Actor, input: { court?: string; passiveDays: number }) {
  requireAnyRole(actor, supervisors);
  const court = await courtInScope(db, actor, input.court);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into command.court_settings (court_id, passive_days, updated_by)
      values (${court.id}, ${input.passiveDays}, ${actor.userId})
      on conflict (court_id) do update set passive_days = excluded.passive_days, updated_by = excluded.updated_by,
        updated_at = now()`);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'command.settings',
      objectType: 'court',
      objectId: court.id,
      detail: { passiveDays: input.passiveDays },
    });
  });
  return { court: { id: court.id, code: court.courtCode, name: court.name }, passiveDays: input.passiveDays };
}
