import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isProcuratorateCompetent,
  procuratorateNameOf,
  recommendationStatusOn,
  replyDueOn,
  replyMonths,
} from './supervision.ts';

test('监督规定 art. 13: the court replies within 3 months of receiving the recommendation', () => {
  assert.equal(replyMonths, 3);
  assert.equal(replyDueOn('2026-03-10'), '2026-06-10');
  // A month without the day: its last day (SPC 2014 reply on periods in months).
  assert.equal(replyDueOn('2026-11-30'), '2027-02-28');
  assert.equal(replyDueOn('2027-11-30'), '2028-02-29');
});

test('a recommendation awaits its reply up to the due day, then is overdue; a reply is late after it', () => {
  const r = { replyDueOn: '2026-06-10', repliedOn: null };
  assert.equal(recommendationStatusOn(r, '2026-03-10'), 'awaitingReply');
  assert.equal(recommendationStatusOn(r, '2026-06-10'), 'awaitingReply');
  assert.equal(recommendationStatusOn(r, '2026-06-11'), 'overdue');
  assert.equal(recommendationStatusOn({ ...r, repliedOn: '2026-06-10' }, '2026-09-01'), 'replied');
  assert.equal(recommendationStatusOn({ ...r, repliedOn: '2026-06-11' }, '2026-09-01'), 'repliedLate');
});

test('监督规定 art. 4: the procuratorate of the enforcing court’s level, or one above it', () => {
  const hz = '/spc/zj/hz/';
  const xihu = '/spc/zj/hz/xihu/';
  const haishu = '/spc/zj/nb/haishu/';
  assert.equal(isProcuratorateCompetent(xihu, xihu), true);
  assert.equal(isProcuratorateCompetent(hz, xihu), true);
  assert.equal(isProcuratorateCompetent(xihu, haishu), false);
  assert.equal(isProcuratorateCompetent(xihu, hz), false);
  assert.equal(isProcuratorateCompetent('', xihu), false);
});

test('the procuratorate paired with each level of court', () => {
  assert.equal(procuratorateNameOf('最高人民法院'), '最高人民检察院');
  assert.equal(procuratorateNameOf('浙江省高级人民法院'), '浙江省人民检察院');
  assert.equal(procuratorateNameOf('杭州市中级人民法院'), '杭州市人民检察院');
  assert.equal(procuratorateNameOf('杭州市西湖区人民法院'), '杭州市西湖区人民检察院');
  assert.equal(procuratorateNameOf('杭州市西湖区人民法院留下人民法庭'), '杭州市西湖区人民检察院');
  assert.equal(procuratorateNameOf('某铁路运输法院'), '某铁路运输法院（检察院）');
});
