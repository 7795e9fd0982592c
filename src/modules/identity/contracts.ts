import { z } from 'zod';
import { courtLevelValues, ZText } from '../../kernel/index.ts';
import { roleValues } from './rules/roles.ts';

export const ZRoleSchema = z.enum(roleValues);
export type TRole = z.infer<typeof ZRoleSchema>;
export const ZCourtLevelSchema = z.enum(courtLevelValues);
export type TCourtLevel = z.infer<typeof ZCourtLevelSchema>;

export const ZUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(ZRoleSchema),
  court: z.object({ id: z.string(), name: z.string(), courtCode: z.string(), level: ZCourtLevelSchema }),
});
export type TUser = z.infer<typeof ZUserSchema>;

// A password is taken as typed (not trimmed), but nothing a keyboard cannot type.
const ZPassword = z
  .string()
  .min(1)
  .max(200)
  .regex(/^\P{Cc}*$/u, '不能包含控制字符 / Must not contain control characters');

// Request bodies and queries admit no field they do not declare (OWASP ASVS 5.1.2: no mass assignment).
export const ZLoginSchema = z.strictObject({
  username: ZText(64, { min: 1 }),
  password: ZPassword,
});
export type TLogin = z.infer<typeof ZLoginSchema>;

export const ZSignedInSchema = z.object({ token: z.string(), user: ZUserSchema });
export type TSignedIn = z.infer<typeof ZSignedInSchema>;

/** Signing out answers 204 with no body. */
export const ZLogoutSchema = z.null().describe('已退出，无内容 / Signed out, no content');

export const ZMeSchema = z.object({ user: ZUserSchema });
export type TMe = z.infer<typeof ZMeSchema>;

export const ZCourtSchema = z.object({
  id: z.string(),
  name: z.string(),
  courtCode: z.string(),
  level: ZCourtLevelSchema,
  divisionCode: z.string(),
  parentId: z.string().nullable(),
});
export type TCourt = z.infer<typeof ZCourtSchema>;
export const ZCourtListSchema = z.object({ items: z.array(ZCourtSchema) });
export type TCourtList = z.infer<typeof ZCourtListSchema>;

export const ZNewCourtSchema = z.strictObject({
  name: ZText(100, { min: 2 }),
  courtCode: ZText(20, { min: 1 }),
  level: ZCourtLevelSchema,
  divisionCode: z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字 / Division code is 6 digits'),
  parentId: z.uuid().nullable(),
});
export type TNewCourt = z.infer<typeof ZNewCourtSchema>;

const ZMemberSchema = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const ZUserListItemSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(ZRoleSchema),
  court: z.object({ id: z.string(), name: z.string() }),
  disabled: z.boolean(),
});
export type TUserListItem = z.infer<typeof ZUserListItemSchema>;
export const ZUserListSchema = z.object({ items: z.array(ZUserListItemSchema) });
export type TUserList = z.infer<typeof ZUserListSchema>;

export const ZNewUserSchema = z.strictObject({
  username: ZText(64, { min: 2 }),
  displayName: ZText(50, { min: 1 }),
  password: ZPassword,
  courtId: z.uuid(),
  roles: z.array(ZRoleSchema).min(1).max(8),
});
export type TNewUser = z.infer<typeof ZNewUserSchema>;

export const ZUserPatchSchema = z.strictObject({
  displayName: ZText(50, { min: 1 }).optional(),
  roles: z.array(ZRoleSchema).min(1).max(8).optional(),
  disabled: z.boolean().optional(),
});
export type TUserPatch = z.infer<typeof ZUserPatchSchema>;

export const ZTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  court: z.object({ id: z.string(), name: z.string() }),
  judge: ZMemberSchema,
  assistant: ZMemberSchema,
  bailiff: ZMemberSchema,
  clerk: ZMemberSchema,
});
export type TTeam = z.infer<typeof ZTeamSchema>;
export const ZTeamListSchema = z.object({ items: z.array(ZTeamSchema) });
export type TTeamList = z.infer<typeof ZTeamListSchema>;

export const ZNewTeamSchema = z.strictObject({
  name: ZText(50, { min: 1 }),
  courtId: z.uuid(),
  judgeId: z.uuid(),
  assistantId: z.uuid().nullish(),
  bailiffId: z.uuid().nullish(),
  clerkId: z.uuid().nullish(),
});
export type TNewTeam = z.infer<typeof ZNewTeamSchema>;

// Ids in paths are checked by the use case: a malformed id is simply not found (404), like an id out of scope.
export const ZIdParamSchema = z.object({ id: z.string().min(1).max(100) });
export const ZCourtFilterSchema = z.strictObject({ courtId: z.uuid().optional() });

// Demo clock: at most ten years per move.
export const ZAdvanceClockSchema = z.strictObject({
  advanceSeconds: z
    .number()
    .int()
    .min(1)
    .max(10 * 366 * 86400),
});
