import type { TUser } from '../../../../../src/modules/identity/contracts.ts';
import { readOne, snapshotStore, writeOne } from './field-db.ts';

/**
 * The last copy the server sent of what the field page shows (the officer, their cases, a case's
 * records), kept on the device so the page opens with no network. Keys carry the user's id: one
 * officer never sees another's copy on a shared phone.
 */
type Snapshot<T> = { key: string; value: T; savedAt: string };

export async function saveSnapshot<T>(key: string, value: T): Promise<void> {
  const snapshot: Snapshot<T> = { key, value, savedAt: new Date().toISOString() };
  await writeOne(snapshotStore, snapshot).catch(() => {
    // No room or no IndexedDB (private mode): the page works online all the same.
  });
}

export async function readSnapshot<T>(key: string): Promise<{ value: T; savedAt: string } | undefined> {
  const snapshot = await readOne<Snapshot<T>>(snapshotStore, key).catch(() => undefined);
  return snapshot ? { value: snapshot.value, savedAt: snapshot.savedAt } : undefined;
}

const lastUserKey = 'last-user';

/** The officer last signed in on this device: who the page is for when it opens offline. */
export function saveLastUser(user: TUser): Promise<void> {
  return saveSnapshot(lastUserKey, user);
}

export async function readLastUser(): Promise<TUser | undefined> {
  return (await readSnapshot<TUser>(lastUserKey))?.value;
}
