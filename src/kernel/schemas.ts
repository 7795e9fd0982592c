/**
 * Zod types of the national codes, for every module's contracts and the web app's forms: a
 * request field of one of these types is checked the same way everywhere, and a failure names the
 * field (Zod's issue path) with a message in Chinese and English.
 */
import { z } from 'zod';
import { isIsoDate } from './iso-date.ts';
import { maxFen } from './money.ts';

const isoDateMessage =
  '应为1900至2199年间真实存在的日期（YYYY-MM-DD） / Must be a real date between 1900 and 2199 (YYYY-MM-DD)';

/** A China calendar date `YYYY-MM-DD`: a real date between 1900-01-01 and 2199-12-31 (OpenAPI `format: date`). */
export const ZIsoDate = z
  .string()
  .refine(isIsoDate, { error: isoDateMessage })
  .meta({ format: 'date', examples: ['2026-03-01'] });

const controlCharacter = /\p{Cc}/u;
const controlCharacterButLineBreaks = /(?![\t\n\r])\p{Cc}/u;
const controlCharacterMessage = '不能包含控制字符 / Must not contain control characters';

/**
 * Text a person types (a name, a reason, a note), trimmed, of `min` to `max` characters. Never a
 * control character: none comes from a keyboard, they break exports and logs, and PostgreSQL
 * refuses NUL outright. Line breaks and tabs are allowed in text of several lines (`isMultiline`).
 */
export function ZText(max: number, opts: { min?: number; isMultiline?: boolean } = {}) {
  const forbidden = opts.isMultiline ? controlCharacterButLineBreaks : controlCharacter;
  return z
    .string()
    .trim()
    .min(opts.min ?? 0)
    .max(max)
    .refine((s) => !forbidden.test(s), { error: controlCharacterMessage });
}

/** An amount of money in integer fen, 0 … 2^53 − 1. */
export const ZFen = z.number().int().min(0).max(maxFen);

/** An amount of money in integer fen that must be positive. */
export const ZPositiveFen = z.number().int().min(1).max(maxFen);

/** The media type of an Excel workbook (the exports of lists). */
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file answered as bytes: in the OpenAPI document, a binary string (of the route's media type). */
export const ZBinaryFile = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array)
  .meta({ type: 'string', format: 'binary' });
