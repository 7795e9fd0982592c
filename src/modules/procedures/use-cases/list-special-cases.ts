import { sql } from 'drizzle-orm';
import { type Bilingual, workingDaysBetween } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { deadlineKindLabel } from '../../cases/index.ts';
import { type Actor, dataScopePrefix, listUsersByIds } from '../../identity/index.ts';
import { assertSpecialCaseReader } from '../aid-policy.ts';
import { specialKindValues, type TSpecialKind, type TSpecialQuery } from '../special-contracts.ts';

// The one list of special kinds and their labels (GLOSSARY: 涉党政机关 / 涉军 / 涉民生).
const kindLabels: Readonly<Record<TSpecialKind, Bilingual>> = {
  stateOrgan: { zh: '涉党政机关', en: 'State organ' },
  military: { zh: '涉军', en: 'Military' },
  livelihood: { zh: '涉民生', en: "People's livelihood" },
};

const listLimit = 500;

type Row = {
  case_id: string;
  case_number: string;
  court_id: string;
  filed_on: string;
  status: string;
  flags: string[];
  next_deadline_kind: string | null;
  next_deadline_on: string | null;
  handling_due_on: string | null;
  judge_id: string | null;
};

/**
 * The open special cases of the user's courts (their data scope), of one kind or all three:
 * livelihood cases (wages, support, injury) first — they come first in filing, enforcement and
 * payout — then by the next deadline. Read from the view the cases module publishes for read
 * models (`cases.indicator_facts`, docs/decisions/0016), never from its tables.
 */
export async function listSpecialCases(db: Db, actor: Actor, query: TSpecialQuery) {
  assertSpecialCaseReader(actor);
  const kinds = query.kind ? [query.kind] : [...specialKindValues];
  // A PostgreSQL array literal: a JS array inside drizzle's sql would expand to a list.
  const kindArray = `{${kinds.join(',')}}`;
  const rows = await db.execute<Row>(sql`
    select case_id, case_number, court_id, filed_on::text as filed_on, status, flags,
      next_deadline_kind, next_deadline_on::text as next_deadline_on,
      handling_due_on::text as handling_due_on, judge_id
    from cases.indicator_facts
    where court_path like ${`${dataScopePrefix(actor)}%`} and status <> 'closed'
      and flags && ${kindArray}::text[]
    order by 'livelihood' = any(flags) desc, next_deadline_on asc nulls last, case_number
    limit ${listLimit + 1}`);
  const shown = rows.slice(0, listLimit);
  const judgeIds = [...new Set(shown.flatMap((r) => (r.judge_id ? [r.judge_id] : [])))];
  const judges = new Map((await listUsersByIds(db, judgeIds)).map((u) => [u.id, u.displayName]));
  const today = clock.today();
  return {
    items: shown.map((r) => {
      const judgeName = r.judge_id ? judges.get(r.judge_id) : undefined;
      return {
        caseId: r.case_id,
        caseNumber: r.case_number,
        courtId: r.court_id,
        filedOn: r.filed_on,
        status: r.status,
        flags: r.flags,
        kinds: specialKindValues.filter((k) => r.flags.includes(k)).map((k) => kindLabels[k]),
        judge: r.judge_id && judgeName ? { id: r.judge_id, displayName: judgeName } : null,
        nextDeadline:
          r.next_deadline_kind && r.next_deadline_on
            ? {
                kind: r.next_deadline_kind,
                label: deadlineKindLabel(r.next_deadline_kind),
                dueOn: r.next_deadline_on,
                daysLeft: workingDaysBetween(today, r.next_deadline_on),
              }
            : null,
        handlingDueOn: r.handling_due_on,
        hasPayoutPriority: r.flags.includes('livelihood'),
      };
    }),
    isTruncated: rows.length > listLimit,
  };
}
