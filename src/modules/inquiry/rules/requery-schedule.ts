/**
 * After 终本 the court searches the online inquiry system every 6 months for 5 years
 * (终本规定 art. 9): rounds 1–10, round n due n × 6 months after the closing date.
 */
import { addMonths } from '../../../kernel/index.ts';

// 终本规定 art. 9: every 6 months
export const requeryIntervalMonths = 6;
// 终本规定 art. 9: for 5 years
export const requeryYears = 5;
export const requeryRoundCount = (requeryYears * 12) / requeryIntervalMonths;

export function requeryDueOn(closedOn: string, round: number): string {
  if (!Number.isInteger(round) || round < 1 || round > requeryRoundCount)
    throw new RangeError(`no re-query round ${round}`);
  return addMonths(closedOn, round * requeryIntervalMonths);
}

/** The round after `round`, or null once the five years are over. */
export function nextRequeryRound(closedOn: string, round: number): { round: number; dueOn: string } | null {
  const next = round + 1;
  return next > requeryRoundCount ? null : { round: next, dueOn: requeryDueOn(closedOn, next) };
}
