import { z } from 'zod';

/** What every module passes when it queues a message (a malformed one is the caller's bug). */
export const ZDedupeKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'a dedupe key is printable ASCII without spaces');
export const ZKind = z
  .string()
  .max(64)
  .regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)*$/, 'a kind is a dotted code such as funds.arrived');
export const ZOptionalId = z.guid().nullish();
