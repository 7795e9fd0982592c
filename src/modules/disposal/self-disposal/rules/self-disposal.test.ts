import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isApprovalGrounded } from './good-faith.ts';
import {
  allocateReceipt,
  canRecordSale,
  checkSelfDisposalDays,
  countsTowardSale,
  holdsAsset,
  isFullyPaid,
  isLapsed,
  isPriceAcceptable,
  maxSelfDisposalDays,
  selfDisposalDueOn,
} from './self-disposal.ts';

describe('the period of a self-disposal (善意文明执行意见: at most 60 days)', () => {
  test('60 days is the most the court may set', () => {
    assert.equal(maxSelfDisposalDays, 60);
    assert.deepEqual(checkSelfDisposalDays(60), { ok: true });
    assert.deepEqual(checkSelfDisposalDays(1), { ok: true });
    assert.deepEqual(checkSelfDisposalDays(61), { ok: false, problem: 'tooLong' });
    assert.deepEqual(checkSelfDisposalDays(0), { ok: false, problem: 'notWholeDays' });
    assert.deepEqual(checkSelfDisposalDays(-3), { ok: false, problem: 'notWholeDays' });
    assert.deepEqual(checkSelfDisposalDays(30.5), { ok: false, problem: 'notWholeDays' });
  });

  test('due on the China date of the decision plus the days', () => {
    assert.equal(selfDisposalDueOn('2026-03-01', 60), '2026-04-30');
    assert.equal(selfDisposalDueOn('2026-12-15', 60), '2027-02-13');
    assert.equal(selfDisposalDueOn('2028-01-01', 60), '2028-03-01', 'a leap February counts 29 days');
    assert.equal(selfDisposalDueOn('2026-03-01', 1), '2026-03-02');
  });
});

describe('the lowest price', () => {
  test('a price at the lowest price is accepted, one fen below is not', () => {
    assert.equal(isPriceAcceptable(80_000_000, 80_000_000), true);
    assert.equal(isPriceAcceptable(90_000_000, 80_000_000), true);
    assert.equal(isPriceAcceptable(79_999_999, 80_000_000), false);
  });
});

describe('the sale, the payment and the lapse', () => {
  const sd = { state: 'open' as const, dueOn: selfDisposalDueOn('2026-03-01', 60) };

  test('a sale is recorded within the 60 days, not after', () => {
    assert.equal(canRecordSale(sd, '2026-03-01'), true);
    assert.equal(canRecordSale(sd, '2026-04-30'), true, 'the 60th day is within the period');
    assert.equal(canRecordSale(sd, '2026-05-01'), false);
    assert.equal(canRecordSale({ ...sd, state: 'lapsed' }, '2026-03-10'), false);
  });

  test('money counts from the day of the sale to the last day of the period', () => {
    const sold = { saleRecordedOn: '2026-03-20', dueOn: sd.dueOn };
    assert.equal(countsTowardSale(sold, '2026-03-19'), false, 'before the sale');
    assert.equal(countsTowardSale(sold, '2026-03-20'), true);
    assert.equal(countsTowardSale(sold, '2026-04-30'), true, 'the 60th day');
    assert.equal(countsTowardSale(sold, '2026-05-01'), false, 'the 61st day');
    assert.equal(countsTowardSale({ saleRecordedOn: null, dueOn: sd.dueOn }, '2026-03-25'), false);
  });

  test('paid when the money reaches the price', () => {
    assert.equal(isFullyPaid(99_999_999, 100_000_000), false);
    assert.equal(isFullyPaid(100_000_000, 100_000_000), true);
  });

  test('a receipt goes to the earliest sale first, each taking what it lacks', () => {
    const sales = [
      { id: 'a', salePriceFen: 1_000, paidFen: 400 },
      { id: 'b', salePriceFen: 500, paidFen: 0 },
    ];
    assert.deepEqual(allocateReceipt(sales, 300), [
      { id: 'a', amountFen: 300, paidFen: 700, isFullyPaid: false },
    ]);
    assert.deepEqual(allocateReceipt(sales, 800), [
      { id: 'a', amountFen: 600, paidFen: 1_000, isFullyPaid: true },
      { id: 'b', amountFen: 200, paidFen: 200, isFullyPaid: false },
    ]);
    assert.deepEqual(allocateReceipt(sales, 5_000).at(-1), {
      id: 'b',
      amountFen: 500,
      paidFen: 500,
      isFullyPaid: true,
    });
    assert.deepEqual(allocateReceipt([{ id: 'c', salePriceFen: 10, paidFen: 10 }], 5), []);
  });

  test('lapsed on the day after the 60th day, if still open', () => {
    assert.equal(isLapsed(sd, '2026-04-30'), false);
    assert.equal(isLapsed(sd, '2026-05-01'), true);
    assert.equal(
      isLapsed({ ...sd, state: 'paid' }, '2026-05-01'),
      false,
      'paid in time: the seal is released',
    );
    assert.equal(isLapsed({ ...sd, state: 'completed' }, '2026-06-01'), false);
  });

  test('an open or paid self-disposal holds its asset; a completed or lapsed one does not', () => {
    assert.equal(holdsAsset('open'), true);
    assert.equal(holdsAsset('paid'), true);
    assert.equal(holdsAsset('completed'), false);
    assert.equal(holdsAsset('lapsed'), false);
  });
});

describe('good-faith measures (善意文明执行意见: with the applicant’s consent or the court’s review)', () => {
  test('consent suffices; without it the review must give its reasons', () => {
    assert.equal(isApprovalGrounded({ applicantConsent: true }), true);
    assert.equal(isApprovalGrounded({ applicantConsent: false }), false);
    assert.equal(isApprovalGrounded({ applicantConsent: false, reviewNote: '  ' }), false);
    assert.equal(
      isApprovalGrounded({ applicantConsent: false, reviewNote: '担保充分，不损害申请人利益' }),
      true,
    );
  });
});
