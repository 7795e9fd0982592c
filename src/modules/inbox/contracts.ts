import { z } from 'zod';

/**
 * The to-do inbox (待办, `GET /api/v1/inbox`): what waits for the signed-in user across every
 * module, each item a link to where it is done. `title` is Chinese and `titleEn` English; the web
 * shows the one of its language.
 */
export const inboxKindValues = [
  'creditApproval',
  'deadline',
  'payoutApproval',
  'partyMessage',
  'supervision',
  'entrustment',
  'inquiryAnswered',
  'meeting',
  'proposal',
] as const;
export type TInboxKind = (typeof inboxKindValues)[number];

export const ZInboxItemSchema = z.object({
  /** Stable across requests: `<kind>:<id of the thing to do>`. */
  id: z.string(),
  kind: z.enum(inboxKindValues),
  title: z.string(),
  titleEn: z.string(),
  /** A path of the web app, where the item is done. */
  link: z.string(),
  /** When it must be done (a China date's end, as an instant), if it has a deadline. */
  dueAt: z.string().optional(),
  createdAt: z.string(),
  isRead: z.boolean(),
});
export type TInboxItem = z.infer<typeof ZInboxItemSchema>;

export const ZInboxSchema = z.object({
  items: z.array(ZInboxItemSchema),
  unread: z.number().int(),
});
export type TInbox = z.infer<typeof ZInboxSchema>;

export const ZMarkReadSchema = z.strictObject({
  ids: z
    .array(
      z
        .string()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z]+:[0-9A-Za-z-]+$/, '应为待办事项编号 / must be an inbox item id'),
    )
    .min(1)
    .max(200),
});
export type TMarkRead = z.infer<typeof ZMarkReadSchema>;

export const ZMarkedSchema = z.object({ unread: z.number().int() });
