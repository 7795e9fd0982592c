import { useCallback, useSyncExternalStore } from 'react';

/**
 * The bidder's credential on the auction site: the token registration answered once, kept in this
 * browser's localStorage under its own key — apart from the court staff's session cookie, which the
 * bidder routes never use. Every tab of the site follows a change (the `storage` event).
 */
export type BidderSession = { id: string; token: string; name: string };

const storageKey = 'zhixing.auction.bidder';
const changeEvent = 'zhixing-auction-bidder';

function isSession(value: unknown): value is BidderSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'token' in value &&
    typeof value.token === 'string' &&
    'name' in value &&
    typeof value.name === 'string'
  );
}

let cachedRaw: string | null = null;
let cached: BidderSession | null = null;

function readSession(): BidderSession | null {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    cached = isSession(parsed) ? parsed : null;
  } catch {
    cached = null;
  }
  return cached;
}

function writeSession(session: BidderSession | null): void {
  try {
    if (session) window.localStorage.setItem(storageKey, JSON.stringify(session));
    else window.localStorage.removeItem(storageKey);
  } catch {
    // Storage disabled: the bidder stays signed in for this page only.
    cachedRaw = session ? JSON.stringify(session) : null;
    cached = session;
  }
  window.dispatchEvent(new Event(changeEvent));
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === storageKey) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(changeEvent, onChange);
  };
}

export function useBidderSession() {
  const session = useSyncExternalStore(subscribe, readSession, () => null);
  const save = useCallback((next: BidderSession) => writeSession(next), []);
  const forget = useCallback(() => writeSession(null), []);
  return { session, save, forget };
}
