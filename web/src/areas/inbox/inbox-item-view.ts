import { chinaDateOf } from '../../../../src/kernel/index.ts';
import type { TInboxItem, TInboxKind } from '../../api/inbox.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { serverToday } from '../../lib/server-clock.ts';

/** An item's deadline as the China date it falls on, and whether that day has passed. */
export function dueOf(item: TInboxItem): { date: string; isOverdue: boolean } | null {
  if (!item.dueAt) return null;
  const date = chinaDateOf(new Date(item.dueAt));
  return { date, isOverdue: date < serverToday() };
}

/** The message key of a kind of item (每类待办的名称). */
export const inboxKindKey = (kind: TInboxKind): MessageKey => `inbox.kind.${kind}`;
