import { z } from 'zod';

/** Request and answer schemas of the notify module's routes (requests admit no undeclared field). */

export const channelValues = ['sms', 'inApp'] as const;
export const messageStateValues = ['queued', 'sending', 'sent', 'failed', 'unread', 'read'] as const;
export const deliveryOutcomeValues = [
  'inFlight',
  'accepted',
  'rejected',
  'unavailable',
  'interrupted',
] as const;

export const ZInboxQuerySchema = z.strictObject({
  unreadOnly: z.enum(['true', 'false', '1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, '游标应为本列表给出的数字 / The cursor is the number this list gave')
    .optional(),
});
export type TInboxQuery = z.infer<typeof ZInboxQuerySchema>;

export const ZInboxItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const ZInboxSchema = z.object({
  items: z.array(ZInboxItemSchema),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItemSchema>;
export type TInbox = z.infer<typeof ZInboxSchema>;

export const ZMarkReadSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });
export type TMarkRead = z.infer<typeof ZMarkReadSchema>;
export const ZMarkedReadSchema = z.object({ read: z.number().int() });
export type TMarkedRead = z.infer<typeof ZMarkedReadSchema>;

export const ZCaseIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export const ZCaseNotificationSchema = z.object({
  id: z.string(),
  channel: z.enum(channelValues),
  kind: z.string(),
  /** A phone number (masked outside the case team) or, in-app, a user id. */
  to: z.string(),
  title: z.string().nullable(),
  body: z.string(),
  state: z.enum(messageStateValues),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  readAt: z.string().nullable(),
  deliveries: z.array(
    z.object({
      attempt: z.number().int(),
      attemptedAt: z.string(),
      outcome: z.enum(deliveryOutcomeValues),
      httpStatus: z.number().int().nullable(),
    }),
  ),
});
export const ZCaseNotificationsSchema = z.object({ items: z.array(ZCaseNotificationSchema) });
export type TCaseNotification = z.infer<typeof ZCaseNotificationSchema>;
export type TCaseNotifications = z.infer<typeof ZCaseNotificationsSchema>;
