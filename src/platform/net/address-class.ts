import { isIP } from 'node:net';

/**
 * What kind of network an IP address belongs to, after the IANA special-purpose address
 * registries (RFC 6890 and its successors). Only `public` addresses are globally reachable: an
 * administrator-set URL (a webhook, an institution) must point to one, or the server could be made
 * to call its own database, a cloud metadata service or the court's intranet (SSRF).
 */
export const AddressClass = {
  public: 'public',
  unspecified: 'unspecified',
  loopback: 'loopback',
  /** RFC 1918, carrier-grade NAT (100.64/10), IPv6 unique local and site-local. */
  private: 'private',
  linkLocal: 'linkLocal',
  multicast: 'multicast',
  /** Documentation, benchmarking, protocol assignments, future use, broadcast, deprecated blocks. */
  reserved: 'reserved',
  invalid: 'invalid',
} as const;
export type AddressClass = (typeof AddressClass)[keyof typeof AddressClass];

export const addressClassLabels: Readonly<Record<AddressClass, { zh: string; en: string }>> = {
  public: { zh: '公网地址', en: 'public' },
  unspecified: { zh: '未指定地址', en: 'unspecified' },
  loopback: { zh: '回环地址', en: 'loopback' },
  private: { zh: '内网地址', en: 'private' },
  linkLocal: { zh: '链路本地地址', en: 'link-local' },
  multicast: { zh: '组播地址', en: 'multicast' },
  reserved: { zh: '保留地址', en: 'reserved' },
  invalid: { zh: '无效地址', en: 'invalid' },
};

/** An address as a number, for prefix comparisons; `::ffff:a.b.c.d` and `[…]%zone` are unwrapped by callers. */
export type ParsedAddress = { family: 4 | 6; value: bigint };

type Range = { base: bigint; bits: number; kind: AddressClass };

function parseIpv4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(text: string): bigint {
  let body = text;
  let tail: bigint[] = [];
  // A trailing dotted quad (`::ffff:127.0.0.1`) fills the last two groups.
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    tail = [v4 >> 16n, v4 & 0xffffn];
    body = `${body.slice(0, lastColon + 1)}0`;
  }
  const [head = '', rest] = body.split('::');
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':').map((g) => BigInt(Number.parseInt(g, 16))));
  const left = groupsOf(head);
  const right = rest === undefined ? [] : groupsOf(rest);
  if (tail.length > 0) (right.length > 0 ? right : left).splice(-1, 1, ...tail);
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array.from({ length: Math.max(0, missing) }, () => 0n), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Strips the brackets of a URL host (`[::1]`) and an IPv6 zone (`fe80::1%eth0`). */
export function bareAddress(text: string): string {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = unbracketed.indexOf('%');
  return zone >= 0 ? unbracketed.slice(0, zone) : unbracketed;
}

export function parseAddress(text: string): ParsedAddress | null {
  const address = bareAddress(text);
  const family = isIP(address);
  if (family === 4) return { family: 4, value: parseIpv4(address) };
  if (family === 6) return { family: 6, value: parseIpv6(address.toLowerCase()) };
  return null;
}

function range(cidr: string, kind: AddressClass): Range {
  const [base = '', bits = '0'] = cidr.split('/');
  const parsed = parseAddress(base);
  if (!parsed) throw new Error(`bad range ${cidr}`);
  return { base: parsed.value, bits: Number(bits), kind };
}

function isWithin(value: bigint, width: number, r: { base: bigint; bits: number }): boolean {
  const shift = BigInt(width - r.bits);
  return value >> shift === r.base >> shift;
}

// IANA IPv4 Special-Purpose Address Registry: the blocks that are not globally reachable.
const ipv4Ranges: readonly Range[] = [
  range('0.0.0.0/8', AddressClass.unspecified),
  range('10.0.0.0/8', AddressClass.private),
  range('100.64.0.0/10', AddressClass.private),
  range('127.0.0.0/8', AddressClass.loopback),
  range('169.254.0.0/16', AddressClass.linkLocal),
  range('172.16.0.0/12', AddressClass.private),
  range('192.0.0.0/24', AddressClass.reserved),
  range('192.0.2.0/24', AddressClass.reserved),
  range('192.88.99.0/24', AddressClass.reserved),
  range('192.168.0.0/16', AddressClass.private),
  range('198.18.0.0/15', AddressClass.reserved),
  range('198.51.100.0/24', AddressClass.reserved),
  range('203.0.113.0/24', AddressClass.reserved),
  range('224.0.0.0/4', AddressClass.multicast),
  range('240.0.0.0/4', AddressClass.reserved),
];

// IPv6 blocks whose last (or, for 6to4, second and third) 32 bits are an IPv4 address that
// decides where the packet really goes: classified by that address.
const ipv4Mapped = range('::ffff:0:0/96', AddressClass.reserved);
const ipv4Carrying: readonly { range: Range; shift: bigint }[] = [
  { range: ipv4Mapped, shift: 0n },
  { range: range('64:ff9b::/96', AddressClass.reserved), shift: 0n },
  { range: range('2002::/16', AddressClass.reserved), shift: 80n },
];

// IANA IPv6 Special-Purpose Address Registry; outside 2000::/3 nothing is global unicast.
const ipv6Ranges: readonly Range[] = [
  range('::/128', AddressClass.unspecified),
  range('::1/128', AddressClass.loopback),
  range('fe80::/10', AddressClass.linkLocal),
  range('fec0::/10', AddressClass.private),
  range('fc00::/7', AddressClass.private),
  range('ff00::/8', AddressClass.multicast),
  range('2001::/23', AddressClass.reserved),
  range('2001:db8::/32', AddressClass.reserved),
  range('3fff::/20', AddressClass.reserved),
];
const globalUnicast = range('2000::/3', AddressClass.public);

function classifyIpv4(value: bigint): AddressClass {
  return ipv4Ranges.find((r) => isWithin(value, 32, r))?.kind ?? AddressClass.public;
}

/** The class of an IP address (IPv4, IPv6, IPv4-mapped IPv6, bracketed or with a zone); `invalid` if it is none. */
export function classifyAddress(text: string): AddressClass {
  const parsed = parseAddress(text);
  if (!parsed) return AddressClass.invalid;
  if (parsed.family === 4) return classifyIpv4(parsed.value);
  for (const carrier of ipv4Carrying) {
    if (isWithin(parsed.value, 128, carrier.range))
      return classifyIpv4((parsed.value >> carrier.shift) & 0xffffffffn);
  }
  const special = ipv6Ranges.find((r) => isWithin(parsed.value, 128, r));
  if (special) return special.kind;
  return isWithin(parsed.value, 128, globalUnicast) ? AddressClass.public : AddressClass.reserved;
}

export function isPublicAddress(text: string): boolean {
  return classifyAddress(text) === AddressClass.public;
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:10.0.0.1` → `10.0.0.1`), else the address itself. */
export function unmappedAddress(text: string): string {
  const address = bareAddress(text);
  const parsed = parseAddress(address);
  if (!parsed || parsed.family === 4 || !isWithin(parsed.value, 128, ipv4Mapped)) return address;
  const v4 = parsed.value & 0xffffffffn;
  return [24n, 16n, 8n, 0n].map((s) => String((v4 >> s) & 0xffn)).join('.');
}

/** Whether an address lies in a CIDR range (`10.0.0.0/8`, `fd00::/8`) or equals a bare address. */
export function isInCidr(text: string, cidr: string): boolean {
  const [base = '', bitsText] = cidr.split('/');
  const address = parseAddress(unmappedAddress(text));
  const network = parseAddress(base);
  if (!address || !network || address.family !== network.family) return false;
  const width = address.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  return isWithin(address.value, width, { base: network.value, bits });
}

/** A valid CIDR range or single address, as configuration accepts it. */
export function isCidrOrAddress(text: string): boolean {
  const [base = '', bitsText, extra] = text.split('/');
  const network = parseAddress(base);
  if (!network || extra !== undefined || base !== bareAddress(base)) return false;
  if (bitsText === undefined) return true;
  const bits = Number(bitsText);
  return /^\d{1,3}$/.test(bitsText) && bits <= (network.family === 4 ? 32 : 128);
}
