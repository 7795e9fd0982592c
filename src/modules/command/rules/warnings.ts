/**
 * Warnings (预警) on open cases: a node deadline turns yellow shortly before it falls due and red
 * once it has passed; red ones climb from the team to the court's leader and then the command
 * centre; a case with no node for a while is flagged as possibly passive (消极执行). Cases of state
 * organs, the military and people's livelihood (涉党政机关、涉军、涉民生) come first and climb sooner.
 * The numbers are practice, not statute (DOMAIN.md marks them so), and a court may change the
 * passive threshold.
 */
import {
  type Bilingual,
  calendarDaysBetween,
  compareIsoDates,
  workingDaysBetween,
} from '../../../kernel/index.ts';

export type WarningLevel = 'yellow' | 'red';
export type Escalation = 'team' | 'courtLeader' | 'commandCentre';

// practice: yellow from 3 working days before the due date
export const yellowWorkingDaysBefore = 3;
// practice: a red warning reaches the court's leader after 3 days, the command centre after 10
export const leaderAfterDays = 3;
export const centreAfterDays = 10;
// practice: no node for 30 days (15 for special cases) may be passive enforcement
export const defaultPassiveDays = 30;
export const specialPassiveDays = 15;

export const specialFlags = ['stateOrgan', 'military', 'livelihood'] as const;

export const specialFlagLabels: Readonly<Record<(typeof specialFlags)[number], Bilingual>> = {
  stateOrgan: { zh: '涉党政机关', en: 'State organ' },
  military: { zh: '涉军', en: 'Military' },
  livelihood: { zh: '涉民生', en: "People's livelihood" },
};

export function isSpecial(flags: readonly string[]): boolean {
  return flags.some((f) => specialFlags.some((s) => s === f));
}

export type DeadlineWarning = { level: WarningLevel; escalation: Escalation; days: number };

/** Where a case's next deadline stands today: no warning, yellow, or red and how far up. */
export function deadlineWarning(
  dueOn: string,
  today: string,
  flags: readonly string[],
): DeadlineWarning | null {
  if (compareIsoDates(today, dueOn) > 0) {
    const overdue = calendarDaysBetween(dueOn, today);
    // Special cases climb twice as fast.
    const pace = isSpecial(flags) ? 2 : 1;
    const escalation: Escalation =
      overdue * pace >= centreAfterDays
        ? 'commandCentre'
        : overdue * pace >= leaderAfterDays
          ? 'courtLeader'
          : 'team';
    return { level: 'red', escalation, days: overdue };
  }
  const left = workingDaysBetween(today, dueOn);
  // days: negative while still due (working days left)
  return left <= yellowWorkingDaysBefore
    ? { level: 'yellow', escalation: 'team', days: left === 0 ? 0 : -left }
    : null;
}

/** A case with no node for `passiveDays` (or the special threshold) may be passive: red, to the court's leader. */
export function passiveWarning(
  lastNodeOn: string,
  today: string,
  flags: readonly string[],
  passiveDays: number,
): DeadlineWarning | null {
  const idle = calendarDaysBetween(lastNodeOn, today);
  const threshold = isSpecial(flags) ? Math.min(passiveDays, specialPassiveDays) : passiveDays;
  if (idle < threshold) return null;
  return { level: 'red', escalation: idle >= threshold * 2 ? 'commandCentre' : 'courtLeader', days: idle };
}
