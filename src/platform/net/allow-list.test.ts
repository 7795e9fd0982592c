import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AllowEntry, isAllowListed, parseAllowEntry } from './allow-list.ts';

function entries(...texts: string[]): AllowEntry[] {
  return texts.map((t) => {
    const entry = parseAllowEntry(t);
    assert.ok(entry, t);
    return entry;
  });
}

test('entries: addresses, ranges and host names, each with an optional port', () => {
  assert.deepEqual(parseAllowEntry('127.0.0.1:8090'), { kind: 'range', cidr: '127.0.0.1', port: 8090 });
  assert.deepEqual(parseAllowEntry('10.8.0.0/16'), { kind: 'range', cidr: '10.8.0.0/16', port: null });
  assert.deepEqual(parseAllowEntry('[::1]:8090'), { kind: 'range', cidr: '::1', port: 8090 });
  assert.deepEqual(parseAllowEntry('fd00::/8'), { kind: 'range', cidr: 'fd00::/8', port: null });
  assert.deepEqual(parseAllowEntry('Bank-Gateway.court.internal:443'), {
    kind: 'host',
    name: 'bank-gateway.court.internal',
    port: 443,
  });
  assert.deepEqual(parseAllowEntry('zhixing_sim:8090'), { kind: 'host', name: 'zhixing_sim', port: 8090 });
  for (const bad of ['', 'http://x', 'a b', 'host:0', 'host:99999', '10.0.0.0/40', '[::1', 'x:1:2'])
    assert.equal(parseAllowEntry(bad), null, bad);
});

test('an address entry matches the resolved address, a host entry the URL host; ports must agree', () => {
  const list = entries('127.0.0.1:8090', '10.8.0.0/16', 'bank.internal');
  const at = (hostname: string, port: number, address: string) =>
    isAllowListed(list, { hostname, port, address });
  assert.ok(at('127.0.0.1', 8090, '127.0.0.1'));
  assert.ok(!at('127.0.0.1', 5432, '127.0.0.1'), 'another port of the same address');
  assert.ok(at('localhost', 8090, '127.0.0.1'), 'a name that resolves to the allowed address and port');
  assert.ok(at('sim.example', 443, '::ffff:10.8.3.4'), 'an IPv4-mapped address in the range');
  assert.ok(!at('sim.example', 443, '10.9.0.1'));
  assert.ok(at('BANK.internal.', 443, '192.168.1.1'), 'host names compare case-blind, final dot ignored');
  assert.ok(!at('evil.internal', 443, '192.168.1.1'));
  assert.ok(!isAllowListed([], { hostname: '127.0.0.1', port: 80, address: '127.0.0.1' }));
});
