import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPhone, normalizeMobile } from './phone.ts';

test('a mobile number is masked to its first 3 and last 4 digits', () => {
  assert.equal(maskPhone('13800001234'), '138****1234');
  assert.equal(maskPhone('19912345678'), '199****5678');
});

test('a number too short to keep 7 digits of is hidden whole; a long one keeps only its ends', () => {
  assert.equal(maskPhone(''), '****');
  assert.equal(maskPhone('1380000'), '****');
  assert.equal(maskPhone('12345678'), '123****5678');
  assert.equal(maskPhone('0571-88886666'), '057****6666');
  assert.equal(maskPhone('电话一三八零零零零一二三四'), '电话一****一二三四');
});

test('a mobile number is found in what a clerk typed; a landline or a wrong number is none', () => {
  assert.equal(normalizeMobile('13800001234'), '13800001234');
  assert.equal(normalizeMobile(' 138 0000 1234 '), '13800001234');
  assert.equal(normalizeMobile('138-0000-1234'), '13800001234');
  assert.equal(normalizeMobile('+86 138 0000 1234'), '13800001234');
  assert.equal(normalizeMobile('008613800001234'), '13800001234');
  assert.equal(normalizeMobile('8613800001234'), '13800001234');
  assert.equal(normalizeMobile('0571-88886666'), null);
  assert.equal(normalizeMobile('12800001234'), null, 'no mobile block starts 12');
  assert.equal(normalizeMobile('1380000123'), null);
  assert.equal(normalizeMobile('138000012345'), null);
  assert.equal(normalizeMobile(''), null);
  assert.equal(normalizeMobile(null), null);
  assert.equal(
    normalizeMobile('１３８００００１２３４'),
    null,
    'full-width digits are not what the gateway takes',
  );
});
