import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { bi, invalidField } from '../errors.ts';
import {
  AddressClass,
  addressClassLabels,
  bareAddress,
  classifyAddress,
  parseAddress,
} from './address-class.ts';
import { type AllowEntry, isAllowListed, parseAllowEntry } from './allow-list.ts';

/**
 * The one rule for URLs an administrator sets (a unit's webhook, an institution's base URL): they
 * must lead to public addresses, unless allow-listed. Checked when the URL is registered and again,
 * on the very addresses connected to, when a request is sent — a host name that resolved to a
 * public address at registration and to 127.0.0.1 afterwards (DNS rebinding) is refused then.
 *
 * The allow-list is process-wide, like the clock: the worker's jobs have no configuration of their
 * own. `configureOutboundAccess` sets it from the configuration at start; the demo adds its
 * in-process simulator, tests their local servers.
 */
const allowList: AllowEntry[] = [];

export function allowPrivateHosts(entries: readonly string[]): void {
  for (const raw of entries) {
    const entry = parseAllowEntry(raw);
    if (!entry) throw new Error(`not an address, range or host name: ${raw}`);
    allowList.push(entry);
  }
}

/** ZHIXING_ALLOWED_PRIVATE_HOSTS, and a separately running simulator (ZHIXING_SIM_URL) the operator named. */
export function configureOutboundAccess(config: {
  allowedPrivateHosts: readonly string[];
  simUrl: string | undefined;
}): void {
  allowPrivateHosts(config.allowedPrivateHosts);
  if (config.simUrl) allowPrivateHosts([hostAndPort(new URL(config.simUrl))]);
}

export function hostAndPort(url: URL): string {
  return `${url.hostname}:${portOf(url)}`;
}

function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

export type Refusal = { zh: string; en: string };

/** Why a resolved address may not be called, or null. */
function refusalOf(url: URL, address: string): Refusal | null {
  const kind = classifyAddress(address);
  if (kind === AddressClass.public) return null;
  if (isAllowListed(allowList, { hostname: url.hostname, port: portOf(url), address })) return null;
  const label = addressClassLabels[kind];
  return {
    zh: `地址指向非公网（${label.zh} ${address}），且不在允许名单中`,
    en: `points to a non-public address (${label.en} ${address}) that is not allow-listed`,
  };
}

/** Raised where a connection would go to a refused address; its message is bilingual. */
export class OutboundRefusedError extends Error {
  readonly code = 'ZX_OUTBOUND_REFUSED';
  constructor(refusal: Refusal) {
    super(bi(refusal.zh, refusal.en));
    this.name = 'OutboundRefusedError';
  }
}

const lookupTimeoutMs = 5000;

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`DNS lookup of ${hostname} timed out`)), lookupTimeoutMs);
    dnsLookup(hostname, { all: true, order: 'verbatim' }, (err, addresses) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(addresses);
    });
  });
}

/**
 * Why this URL may not be called now — not http(s), or an address it names or resolves to that is
 * non-public and not allow-listed — or null.
 */
export async function findOutboundRefusal(raw: string): Promise<Refusal | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { zh: '不是有效的网址', en: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { zh: '只允许 http 或 https 网址', en: 'only http and https URLs are allowed' };
  const host = bareAddress(url.hostname);
  if (parseAddress(host)) return refusalOf(url, host);
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    // A name that resolves to nothing (yet) leads nowhere: it may be registered before its DNS is
    // live, and whatever it resolves to later is checked when the connection is made.
    return null;
  }
  for (const a of addresses) {
    const refusal = refusalOf(url, a.address);
    if (refusal) return refusal;
  }
  return null;
}

/** A 400 naming the field when an administrator sets a URL that may not be called. */
export async function assertCallableUrl(raw: string, field: string): Promise<void> {
  const refusal = await findOutboundRefusal(raw);
  if (refusal) throw invalidField(field, refusal.zh, refusal.en);
}

/** The refusal for a URL whose host is an address literal (no lookup happens for those), or null. */
export function refusalOfLiteral(url: URL): Refusal | null {
  const host = bareAddress(url.hostname);
  return parseAddress(host) ? refusalOf(url, host) : null;
}

/**
 * A `lookup` for `net.connect` that refuses, at connection time, a host name any of whose
 * addresses may not be called: the check and the connection use the same answer.
 */
export function guardedLookupFor(url: URL): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        const refusal = refusalOf(url, a.address);
        if (refusal) return callback(new OutboundRefusedError(refusal), '', 0);
      }
      const [first] = addresses;
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      // `net` asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}
