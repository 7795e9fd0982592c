import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  classifyAddress,
  isCidrOrAddress,
  isInCidr,
  isPublicAddress,
  unmappedAddress,
} from './address-class.ts';

test('IPv4: loopback, private, link-local and the other special-purpose blocks are not public', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'], // carrier-grade NAT
    ['169.254.169.254', 'linkLocal'], // cloud metadata service
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['203.0.113.7', 'reserved'],
    ['192.0.0.8', 'reserved'],
  ];
  for (const [address, kind] of cases) assert.equal(classifyAddress(address), kind, address);
});

test('IPv4: neighbours of the blocks are public', () => {
  for (const address of [
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '11.0.0.1',
  ])
    assert.equal(classifyAddress(address), 'public', address);
});

test('IPv6: loopback, unique local, link-local, documentation and what lies outside 2000::/3', () => {
  const cases: [string, string][] = [
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'], // Teredo
    ['3fff::1', 'reserved'],
    ['100::1', 'reserved'],
    ['::127.0.0.1', 'reserved'], // deprecated IPv4-compatible
  ];
  for (const [address, kind] of cases) assert.equal(classifyAddress(address), kind, address);
  for (const address of ['2400:3200::1', '2606:4700:4700::1111', '2a00:1450:4001:800::200e'])
    assert.equal(classifyAddress(address), 'public', address);
});

test('an IPv4 address inside IPv6 (mapped, NAT64, 6to4) is judged by the IPv4 address', () => {
  assert.equal(classifyAddress('::ffff:127.0.0.1'), 'loopback');
  assert.equal(classifyAddress('::ffff:7f00:1'), 'loopback');
  assert.equal(classifyAddress('[::ffff:169.254.169.254]'), 'linkLocal');
  assert.equal(classifyAddress('::ffff:10.0.0.1'), 'private');
  assert.equal(classifyAddress('::ffff:8.8.8.8'), 'public');
  assert.equal(classifyAddress('64:ff9b::a00:1'), 'private');
  assert.equal(classifyAddress('64:ff9b::808:808'), 'public');
  assert.equal(classifyAddress('2002:7f00:1::'), 'loopback');
  assert.equal(classifyAddress('2002:808:808::1'), 'public');
  assert.equal(unmappedAddress('::ffff:10.1.2.3'), '10.1.2.3');
  assert.equal(unmappedAddress('2001:db8::1'), '2001:db8::1');
});

test('what is no address is invalid, never public', () => {
  for (const text of ['', 'localhost', '127.1', '1.2.3', '256.1.1.1', '::g', 'example.com'])
    assert.equal(classifyAddress(text), 'invalid', text);
});

test('every IPv4-mapped IPv6 address is judged as its IPv4 address', () => {
  fc.assert(
    fc.property(fc.ipV4(), (v4) => assert.equal(classifyAddress(`::ffff:${v4}`), classifyAddress(v4))),
  );
  fc.assert(
    fc.property(fc.ipV4(), (v4) => assert.equal(isPublicAddress(`::ffff:${v4}`), isPublicAddress(v4))),
  );
});

test('CIDR ranges as configuration writes them', () => {
  assert.ok(isInCidr('10.8.1.2', '10.8.0.0/16'));
  assert.ok(!isInCidr('10.9.1.2', '10.8.0.0/16'));
  assert.ok(isInCidr('::ffff:10.8.1.2', '10.8.0.0/16'));
  assert.ok(isInCidr('127.0.0.1', '127.0.0.1'));
  assert.ok(isInCidr('fd00::5', 'fd00::/8'));
  assert.ok(!isInCidr('127.0.0.1', '::1'));
  assert.ok(isCidrOrAddress('0.0.0.0/0'));
  assert.ok(isCidrOrAddress('fd00::/8'));
  assert.ok(!isCidrOrAddress('10.0.0.0/33'));
  assert.ok(!isCidrOrAddress('10.0.0.0/8/1'));
  assert.ok(!isCidrOrAddress('proxy.local'));
});
