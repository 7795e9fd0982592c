import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { institutionKeys } from './institutions.ts';
import { computeSignature, MAX_SKEW_MS, sha256Hex, signRequest, verifySignature } from './signature.ts';

// The worked example of docs/protocols/inquiry.md ("Signing"), checked independently when written.
const EXAMPLE = {
  secret: 'zhixing-sim-demo-secret',
  key: 'a082fefe3dd0d51c5062491cf1512331a9dd7740d289c40fffe8ef6c8a10bd8f',
  path: '/institutions/icbc/v1/query',
  timestamp: '1767225600000',
  body: '{"subject":{"kind":"person","name":"张三","idNumber":"330106199001011234"},"caseNumber":"（2026）浙0106执1号","court":"杭州市西湖区人民法院"}',
  bodyHash: 'b554f0936df666b4b87e00bb0ed70054380614304169fc74a24d56c0ea8922bf',
  signature: '300eedca820316715d3a3ce7c21dfa7a96c16785a5ac8896c21a65172bf02c69',
};

describe('signature', () => {
  it('reproduces the worked example of the protocol document', () => {
    assert.equal(institutionKeys(EXAMPLE.secret).icbc, EXAMPLE.key);
    assert.equal(sha256Hex(EXAMPLE.body), EXAMPLE.bodyHash);
    assert.equal(
      computeSignature(EXAMPLE.key, 'POST', EXAMPLE.path, EXAMPLE.timestamp, EXAMPLE.body),
      EXAMPLE.signature,
    );
  });

  it('gives every institution its own key', () => {
    const keys = Object.values(institutionKeys('another-secret'));
    assert.equal(new Set(keys).size, keys.length);
  });

  it('verifies what it signs, and nothing that differs in key, method, path, body or time', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        (body, extra, now) => {
          const key = 'k1';
          const path = '/institutions/icbc/v1/freeze';
          const h = signRequest({ institution: 'icbc', key, method: 'POST', path, body, now });
          const base = {
            key,
            method: 'POST',
            path,
            body,
            timestamp: h['x-zx-timestamp'],
            signature: h['x-zx-signature'],
            now,
          };
          assert.equal(verifySignature(base), 'ok');
          assert.equal(verifySignature({ ...base, key: 'k2' }), 'bad');
          assert.equal(verifySignature({ ...base, method: 'GET' }), 'bad');
          assert.equal(verifySignature({ ...base, path: `${path}?x=1` }), 'bad');
          assert.equal(verifySignature({ ...base, body: body + extra }), 'bad');
          assert.equal(verifySignature({ ...base, now: now + MAX_SKEW_MS + 1 }), 'skew');
          assert.equal(verifySignature({ ...base, now: now - MAX_SKEW_MS }), 'ok');
          assert.equal(verifySignature({ ...base, signature: undefined }), 'missing');
          assert.equal(verifySignature({ ...base, signature: 'zz' }), 'bad');
        },
      ),
    );
  });
});
