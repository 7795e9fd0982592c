import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';

/** The transparency page's API: the audit chain's daily roots and the key that signed them. */
// A query admits no field it does not declare (OWASP ASVS 5.1.2).
export const ZTransparencyQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(31),
});

export const ZDailyRootSchema = z.object({
  /** The China date: this is the last checkpoint signed that day. */
  date: ZIsoDate,
  chainSeq: z.number().int(),
  headHash: z.string(),
  /** The instant, exactly as signed. */
  signedAt: z.string(),
  keyId: z.string(),
  /** Ed25519, base64. */
  signature: z.string(),
});

export const ZTransparencySchema = z.object({
  algorithm: z.literal('Ed25519'),
  /** SPKI, PEM; null until the worker has made the key. */
  publicKey: z.string().nullable(),
  keyId: z.string().nullable(),
  /** Which database's chain (digest of the server's identifier and the database's name). */
  chain: z.string(),
  /** How the signed message is built from a root's fields (UTF-8, \n between them). */
  messageFormat: z.string(),
  roots: z.array(ZDailyRootSchema),
});

export type TDailyRoot = z.infer<typeof ZDailyRootSchema>;
export type TTransparency = z.infer<typeof ZTransparencySchema>;
