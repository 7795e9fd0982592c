/** Dates as day numbers (days since 1970-01-01): the index stores and compares them as integers. */
const msPerDay = 86_400_000;

export function dayOf(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / msPerDay);
}

const isoByDay = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (cached: answers repeat the same few thousand dates). */
export function isoOfDay(day: number): string {
  let iso = isoByDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * msPerDay).toISOString().slice(0, 10);
    if (isoByDay.size < 100_000) isoByDay.set(day, iso);
  }
  return iso;
}
