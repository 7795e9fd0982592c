import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRelevantToScene, isScene, scenes, sceneValues } from './scenes.ts';

test('scenes: each unit sees the behaviours of what it sells (限消规定 art. 3)', () => {
  assert.deepEqual(scenes.railway.behaviours, [9]);
  assert.deepEqual(scenes.airline.behaviours, [1]);
  assert.deepEqual(scenes.realEstate.behaviours, [3]);
  assert.deepEqual(scenes.finance.behaviours, [8]);
  assert.deepEqual(scenes.tendering.behaviours, []);
  assert.equal(scenes.tendering.isDishonestListRelevant, true);
  assert.equal(scenes.border.isExitRestrictionRelevant, true);
  for (const s of sceneValues) assert.equal(isScene(s), true);
  assert.equal(isScene('casino'), false);
});

test('a punishment is relevant to a scene by its kind, a consumption restriction by shared behaviours', () => {
  const listing = { punishment: 'dishonestList', behaviours: null };
  const exit = { punishment: 'exitRestriction', behaviours: null };
  const airTravel = { punishment: 'consumptionRestriction', behaviours: [1, 2] };
  assert.equal(isRelevantToScene(listing, scenes.railway), true);
  assert.equal(isRelevantToScene(listing, scenes.border), false);
  assert.equal(isRelevantToScene(exit, scenes.border), true);
  assert.equal(isRelevantToScene(exit, scenes.airline), false);
  assert.equal(isRelevantToScene(airTravel, scenes.airline), true);
  assert.equal(isRelevantToScene(airTravel, scenes.railway), false);
  assert.equal(isRelevantToScene({ punishment: 'rewardNotice', behaviours: null }, scenes.railway), false);
});
