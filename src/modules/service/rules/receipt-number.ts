/**
 * The number of a materials receipt (收取材料回执) the service window hands over: the year and the
 * court's code as in a case number (SPC 案号规定), then 执事收 and a running number of the court and
 * year — `（2026）浙0106执事收12号`. Unique per court and year; gaps do not matter (practice).
 */
export function formatReceiptNumber(parts: { year: number; courtCode: string; sequence: number }): string {
  const { year, courtCode, sequence } = parts;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Bad sequence ${sequence}`);
  return `（${year}）${courtCode}执事收${sequence}号`;
}
