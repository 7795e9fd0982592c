import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaPrefix, divisionOfSubject, isAreaCode, isInArea } from './area.ts';

test('the division comes from ID number positions 1–6 or credit code positions 3–8', () => {
  assert.equal(divisionOfSubject({ idNumber: '330106198005011236', creditCode: null }), '330106');
  assert.equal(divisionOfSubject({ idNumber: null, creditCode: '9144030071526726XG' }), '440300');
  assert.equal(divisionOfSubject({ idNumber: null, creditCode: null }), null);
});

test('a province covers its cities and counties, a city its counties', () => {
  assert.equal(areaPrefix('330000'), '33');
  assert.equal(areaPrefix('330100'), '3301');
  assert.equal(areaPrefix('330106'), '330106');
  assert.equal(isInArea('330106', '330100'), true);
  assert.equal(isInArea('330203', '330100'), false);
  assert.equal(isInArea('330203', '330000'), true);
  assert.equal(isAreaCode('330106'), true);
  assert.equal(isAreaCode('030106'), false);
  assert.equal(isAreaCode('33010'), false);
});
