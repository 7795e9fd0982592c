import type { Db } from '../../platform/db.ts';
import { defineExtensionPoint } from '../../platform/module.ts';
import type { Actor } from '../identity/index.ts';
import type { TInboxItem } from './contracts.ts';

/** An item as a module proposes it; the inbox adds whether the user has opened it. */
export type InboxEntry = Omit<TInboxItem, 'isRead'>;

/**
 * What a module has waiting for this user (its approvals, its deadlines, its messages), read
 * live from its own tables: nothing is copied into the inbox, so an item goes away the moment
 * the work is done. A source returns at most `limit` items, the most pressing first.
 */
export type InboxSource = (
  db: Db,
  actor: Actor,
  opts: { today: string; limit: number },
) => Promise<InboxEntry[]>;

/** Modules add their kinds of to-do items here (`inboxSources.provide(source)` in their definition). */
export const inboxSources = defineExtensionPoint<InboxSource>('inbox.sources');

/** The end of a China date as an instant: what `dueAt` says of a deadline kept as a date. */
export function endOfChinaDate(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}
