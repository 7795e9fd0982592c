/**
 * Five-field cron expressions (`minute hour day-of-month month day-of-week`) evaluated in China
 * time (Asia/Shanghai, UTC+8 all year: China has kept no daylight saving time since 1991).
 * Fields take `*`, numbers, ranges `a-b`, lists `a,b` and steps `*\/n` or `a-b/n`; day-of-week 0 or 7
 * is Sunday. As in classic cron, when both day fields are restricted a day matching either runs.
 */
import { chinaOffsetMs } from '../kernel/index.ts';

export type CronSchedule = {
  readonly expression: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  readonly isDayOfMonthRestricted: boolean;
  readonly isDayOfWeekRestricted: boolean;
};

const minuteMs = 60 * 1000;

function parseField(field: string, min: number, max: number, name: string): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron ${name}: cannot read "${part}"`);
    const [, range = '*', stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = min;
    let to = max;
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number);
      from = a ?? min;
      to = b ?? (stepText === undefined ? from : max);
    }
    if (step < 1 || from < min || to > max || from > to)
      throw new Error(`cron ${name}: "${part}" is out of range`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}": five fields expected`);
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = fields;
  const daysOfWeek = parseField(dow, 0, 7, 'day of week');
  if (daysOfWeek.has(7)) daysOfWeek.add(0);
  return {
    expression,
    minutes: parseField(minute, 0, 59, 'minute'),
    hours: parseField(hour, 0, 23, 'hour'),
    daysOfMonth: parseField(dom, 1, 31, 'day of month'),
    months: parseField(month, 1, 12, 'month'),
    daysOfWeek,
    isDayOfMonthRestricted: dom !== '*',
    isDayOfWeekRestricted: dow !== '*',
  };
}

/** Whether the schedule fires at the minute starting at `instantMs` (a whole minute). */
export function isCronDue(schedule: CronSchedule, instantMs: number): boolean {
  const local = new Date(instantMs + chinaOffsetMs);
  if (!schedule.minutes.has(local.getUTCMinutes()) || !schedule.hours.has(local.getUTCHours())) return false;
  if (!schedule.months.has(local.getUTCMonth() + 1)) return false;
  const isDomMatch = schedule.daysOfMonth.has(local.getUTCDate());
  const isDowMatch = schedule.daysOfWeek.has(local.getUTCDay());
  if (schedule.isDayOfMonthRestricted && schedule.isDayOfWeekRestricted) return isDomMatch || isDowMatch;
  return isDomMatch && isDowMatch;
}

/** The latest firing at or before `now` and after `now − lookBackMs`, or null. */
export function findLatestSlot(schedule: CronSchedule, now: Date, lookBackMs: number): Date | null {
  const latest = Math.floor(now.getTime() / minuteMs) * minuteMs;
  const earliest = now.getTime() - lookBackMs;
  for (let t = latest; t > earliest; t -= minuteMs) {
    if (isCronDue(schedule, t)) return new Date(t);
  }
  return null;
}
