import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseAccountNumber } from '../../kernel/index.ts';
import { computeSignature, sha256Hex } from '../signature.ts';
import { smsKey } from '../sms/contracts.ts';
import { bankKey } from './contracts.ts';

// The worked examples of docs/protocols/bank.md §2 and docs/protocols/sms.md §2, byte for byte.
const secret = 'zhixing-sim-demo-secret';
const at = '1767225600000';

describe('worked signing examples of the bank and SMS protocols', () => {
  it('derives the keys from the demo secret', () => {
    assert.equal(bankKey(secret), 'ed6abb5eba3803f6830d2262cbe5de22dac72cbd7cda72d017bc0243c919a405');
    assert.equal(smsKey(secret), '7e53fc8dddec2efb126048f4493d25aed842249d6de4d688efdc3eec98c2527b');
  });

  it('signs a payment, its poll and an arrival notification with the bank key', () => {
    const key = bankKey(secret);
    const payment =
      '{"instructionId":"pay-2026-000123","fromAccount":"330106000001","toAccount":"6222020200000000001","toName":"杭州某某有限公司","amountFen":1250000,"purpose":"发还执行款（2026）浙0106执1号"}';
    assert.equal(sha256Hex(payment), '8319b7b74c2b6beffd1ef647d40a4499f2d2728cd0ea24182b0e5184f59358d4');
    assert.equal(
      computeSignature(key, 'POST', '/bank/v1/payments', at, payment),
      'dacb1e185e20f7fbe36808f8a6a21c9a2f6ea2f7faa5221795cf87de1dc1cdf1',
    );
    assert.equal(
      computeSignature(key, 'GET', '/bank/v1/payments/pay-2026-000123', at, ''),
      '6047b03909e5516ffff0c9be68435235f83f393e907783f9918bd509abf6ff05',
    );
    assert.equal(caseAccountNumber('330106000001', 1), '33010600000100000011');
    const arrival =
      '{"notifications":[{"serial":"B2026010100000001","toAccount":"33010600000100000011","amountFen":500000,"payerName":"张三","payerAccount":"6217000012345678901","receivedAt":"2026-01-01T02:00:00.000Z"}]}';
    assert.equal(sha256Hex(arrival), '967c034c9de7c07ecf8f8477ed5b1d762d8095811b3015cff7e6feb53ea0fcd8');
    assert.equal(
      computeSignature(key, 'POST', '/api/v1/funds/bank/arrivals', at, arrival),
      '7090fab43a86ef0232d34c109f47c564d4ef4a464e82e69a26ceb29c9c5f49b2',
    );
  });

  it('signs a text message with the gateway key', () => {
    const message =
      '{"messageId":"sms-2026-000042","to":"13800138000","text":"【某某法院】您的案件（2026）浙0106执1号已立案。"}';
    assert.equal(sha256Hex(message), '1712d89015bdbd5ddc67f7e9fc15a7c1f1839f70c01debdab98839a4356a6cad');
    assert.equal(
      computeSignature(smsKey(secret), 'POST', '/sms/v1/messages', at, message),
      'b669a2434a43fbf8f2a071cd4fc97c630f9d5cbc04447d453135a865c38cd879',
    );
  });
});
