import { bareAddress, isCidrOrAddress, isInCidr } from './address-class.ts';

/**
 * Non-public hosts an outbound call may still reach (ZHIXING_ALLOWED_PRIVATE_HOSTS, the demo's
 * simulator, a test's local server). An entry is an address or CIDR range, matched against the
 * address the host name resolves to, or a host name, matched against the URL's host; either may
 * carry a port: `10.8.0.0/16`, `127.0.0.1:8090`, `[::1]:8090`, `bank-gateway.court.internal:443`.
 */
export type AllowEntry =
  | { kind: 'range'; cidr: string; port: number | null }
  | { kind: 'host'; name: string; port: number | null };

export type OutboundTarget = { hostname: string; port: number; address: string };

function portOf(text: string | undefined): number | null | undefined {
  if (text === undefined) return null;
  const port = Number(text);
  return /^\d{1,5}$/.test(text) && port >= 1 && port <= 65535 ? port : undefined;
}

function normalisedHost(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** The entry, or null if it is not one of the forms above. */
export function parseAllowEntry(raw: string): AllowEntry | null {
  const text = raw.trim();
  if (text === '') return null;
  const bracketed = /^\[([^\]]+)\](?::([^:]*))?$/.exec(text);
  if (bracketed) {
    const port = portOf(bracketed[2]);
    const cidr = bracketed[1] ?? '';
    return port !== undefined && isCidrOrAddress(cidr) ? { kind: 'range', cidr, port } : null;
  }
  // More than one colon and no brackets: an IPv6 address or range, without a port.
  if (text.indexOf(':') !== text.lastIndexOf(':')) {
    return isCidrOrAddress(text) ? { kind: 'range', cidr: text, port: null } : null;
  }
  const [host = '', portText] = text.split(':');
  const port = portOf(portText);
  if (port === undefined) return null;
  if (isCidrOrAddress(host)) return { kind: 'range', cidr: host, port };
  // Underscores too: container networks name services with them, and URLs accept them.
  if (/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i.test(host))
    return { kind: 'host', name: normalisedHost(host), port };
  return null;
}

export function isAllowListed(entries: readonly AllowEntry[], target: OutboundTarget): boolean {
  const hostname = normalisedHost(bareAddress(target.hostname));
  return entries.some((entry) => {
    if (entry.port !== null && entry.port !== target.port) return false;
    return entry.kind === 'host' ? entry.name === hostname : isInCidr(target.address, entry.cidr);
  });
}
