import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { type FeedbackItem, feedbackWorkbook } from '../src/modules/inquiry/index.ts';

/**
 * The feedback list's Excel export as staff use it: in their language, times in China time,
 * amounts as numbers (yuan with two decimals) that sum, columns sized, the header row frozen, and
 * no code left untranslated.
 */
const items: FeedbackItem[] = [
  {
    id: 'a1',
    assetType: 'deposit',
    institution: 'boc',
    institutionName: '中国银行',
    channel: 'national',
    respondentPartyId: 'p1',
    respondentName: '王建国',
    identifier: '6217****1234',
    description: '活期存款',
    balanceFen: 12_345_67,
    frozenFen: 2_000_00,
    availableFen: 10_345_67,
    encumbrances: [
      { court: '上城区人民法院', caseNumber: '（2026）浙0102执100号', kind: 'freeze', until: '2027-06-01' },
    ],
    // 23:30 UTC on 7 December is 07:30 on 8 December in China.
    answeredAt: '2026-12-07T23:30:00.000Z',
    channelDifference: null,
    measureKinds: ['freeze', 'deduct'],
    isMasked: false,
  },
  {
    id: 'a2',
    assetType: 'realEstate',
    institution: 'hz-housing',
    institutionName: '杭州市不动产登记中心',
    channel: 'local',
    respondentPartyId: 'p1',
    respondentName: '王建国',
    identifier: '浙(2020)杭州市不动产权第0012345号',
    description: '西湖区文三路 8 号 2 幢 301 室',
    valueFen: 3_200_000_00,
    encumbrances: [{ court: '西湖区人民法院', caseNumber: '（2025）浙0106执9号', kind: 'seal' }],
    answeredAt: '2026-12-01T02:00:00.000Z',
    channelDifference: null,
    measureKinds: ['seal'],
    isMasked: false,
  },
];

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  return sheet;
}

test('in Chinese: no English, China time, amounts as numbers, header frozen, widths set', async () => {
  const { buffer, fileName } = await feedbackWorkbook(items, '（2026）浙0106执1号', 'zh');
  assert.equal(fileName, '（2026）浙0106执1号-查控财产反馈清单.xlsx');
  const sheet = await read(buffer);
  assert.equal(sheet.getCell('A1').value, '（2026）浙0106执1号 查控财产反馈清单');
  const text = JSON.stringify(sheet.getSheetValues());
  assert.doesNotMatch(
    text,
    /Feedback|freeze|seal|deduct|national|local/,
    'no code or English in the Chinese workbook',
  );
  const first = sheet.getRow(3);
  assert.equal(first.getCell(2).value, '存款');
  assert.equal(first.getCell(4).value, '总对总');
  assert.equal(first.getCell(8).value, 12_345.67, 'the balance is a number of yuan');
  assert.equal(sheet.getColumn(8).numFmt, '#,##0.00');
  assert.equal(first.getCell(11).value, '上城区人民法院 （2026）浙0102执100号 冻结 至 2027-06-01');
  assert.equal(first.getCell(12).value, '冻结、扣划');
  assert.equal(first.getCell(14).value, '2026-12-08 07:30', 'answered in China time');
  const second = sheet.getRow(4);
  assert.equal(second.getCell(7).value, 3_200_000);
  assert.equal(second.getCell(11).value, '西湖区人民法院 （2025）浙0106执9号 查封');
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 2);
  for (let c = 1; c <= 14; c++) assert.ok((sheet.getColumn(c).width ?? 0) >= 8, `column ${c} has a width`);
});

test('in English: English headings and labels, the same numbers', async () => {
  const { buffer, fileName } = await feedbackWorkbook(items, '（2026）浙0106执1号', 'en');
  assert.equal(fileName, '（2026）浙0106执1号-inquiry-feedback.xlsx');
  const sheet = await read(buffer);
  assert.equal(sheet.getRow(2).getCell(1).value, 'Respondent');
  assert.equal(sheet.getRow(3).getCell(2).value, 'Deposit');
  assert.equal(sheet.getRow(3).getCell(12).value, 'freeze, deduction');
  assert.equal(sheet.getRow(3).getCell(8).value, 12_345.67);
  assert.doesNotMatch(
    JSON.stringify(sheet.getRow(2).values),
    /[\u4e00-\u9fff]/,
    'no Chinese in the English headings',
  );
});
