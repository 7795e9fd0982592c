import { useSyncExternalStore } from 'react';
import type { TPortalSession } from '../../../src/modules/disclosure/contracts.ts';
import {
  type DownloadedFile,
  isApiError,
  type QueryParams,
  requestFile,
  requestJson,
  requestVoid,
} from './client.ts';

/**
 * The party portal's credential (`/my`): the token a party (SMS code) or a lawyer (licence number
 * and password) receives at sign-in, kept in this tab's sessionStorage — it ends with the tab, as
 * the server's session ends two hours after sign-in. Apart from the court staff's session cookie,
 * which the portal routes never receive: every portal request carries the token in
 * `x-zhixing-portal` and no cookie, and a 401 means the session has ended — the person is signed
 * out in this tab.
 */
export type PortalSession = Pick<TPortalSession, 'token' | 'kind' | 'name' | 'expiresAt'>;

const storageKey = 'zhixing.portal.session';
const changeEvent = 'zhixing-portal-session';

function isSession(value: unknown): value is PortalSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    'token' in value &&
    typeof value.token === 'string' &&
    'kind' in value &&
    (value.kind === 'party' || value.kind === 'lawyer') &&
    'name' in value &&
    typeof value.name === 'string' &&
    'expiresAt' in value &&
    typeof value.expiresAt === 'string'
  );
}

let cachedRaw: string | null = null;
let cached: PortalSession | null = null;

export function readPortalSession(): PortalSession | null {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(storageKey);
  } catch {
    return cached;
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

export function writePortalSession(session: PortalSession | null): void {
  const raw = session ? JSON.stringify(session) : null;
  try {
    if (raw) window.sessionStorage.setItem(storageKey, raw);
    else window.sessionStorage.removeItem(storageKey);
  } catch {
    // Storage disabled: the person stays signed in for this page only.
  }
  cachedRaw = raw;
  cached = session;
  window.dispatchEvent(new Event(changeEvent));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(changeEvent, onChange);
  return () => window.removeEventListener(changeEvent, onChange);
}

/** The person signed in to the portal in this tab, or `null`. */
export function usePortalSession(): PortalSession | null {
  return useSyncExternalStore(subscribe, readPortalSession, () => null);
}

export const portalTokenHeader = 'x-zhixing-portal';

type PortalOptions = {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
};

function credentialHeaders(): Record<string, string> {
  const session = readPortalSession();
  return session ? { [portalTokenHeader]: session.token } : {};
}

function forgetOn401(error: unknown): never {
  if (isApiError(error) && error.status === 401) writePortalSession(null);
  throw error;
}

export async function asPortal<T>(path: string, options: PortalOptions = {}): Promise<T> {
  return requestJson<T>(path, { ...options, credentialHeaders: credentialHeaders() }).catch(forgetOn401);
}

export async function asPortalVoid(path: string, options: PortalOptions = {}): Promise<void> {
  return requestVoid(path, { ...options, credentialHeaders: credentialHeaders() }).catch(forgetOn401);
}

/** A file the portal serves the person (a served document), fetched with their token. */
export async function asPortalFile(
  path: string,
  options: PortalOptions & { fallbackName: string },
): Promise<DownloadedFile> {
  return requestFile(path, { ...options, credentialHeaders: credentialHeaders() }).catch(forgetOn401);
}
