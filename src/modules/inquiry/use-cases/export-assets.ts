import ExcelJS from 'exceljs';
import { formatChinaDateTime } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAssetExportQuery } from '../contracts.ts';
import { assetTypeLabels, isAssetType, isMeasureKind, measureKindLabels } from '../rules/asset-types.ts';
import { type FeedbackItem, loadFeedback } from './feedback-list.ts';

/** An amount as a number of yuan, for a cell formatted `#,##0.00`: sums work in the sheet. */
const yuan = (fen: number | undefined) => (fen === undefined ? null : fen / 100);

const headings = {
  zh: {
    sheet: '查控财产反馈清单',
    columns: [
      ['被执行人', 16],
      ['财产类型', 12],
      ['反馈机构', 22],
      ['渠道', 8],
      ['财产标识', 26],
      ['财产描述', 36],
      ['价值（元）', 16],
      ['余额（元）', 16],
      ['已冻结（元）', 16],
      ['可冻结（元）', 16],
      ['权利负担', 40],
      ['本案措施', 14],
      ['渠道差异', 28],
      ['反馈时间（北京时间）', 20],
    ],
    channel: { national: '总对总', local: '点对点' },
    until: '至',
  },
  en: {
    sheet: 'Inquiry feedback',
    columns: [
      ['Respondent', 16],
      ['Asset type', 14],
      ['Institution', 22],
      ['Channel', 10],
      ['Identifier', 26],
      ['Description', 36],
      ['Value (CNY)', 16],
      ['Balance (CNY)', 16],
      ['Frozen (CNY)', 16],
      ['Available (CNY)', 16],
      ['Encumbrances', 40],
      ['Measures in this case', 18],
      ['Channel difference', 28],
      ['Answered (China time)', 20],
    ],
    channel: { national: 'national', local: 'local' },
    until: 'until',
  },
} as const;

/** The columns holding yuan amounts (1-based), formatted as money. */
const moneyColumns = [7, 8, 9, 10];

/**
 * The feedback list as an Excel workbook (查控财产反馈清单.xlsx), masked as the screen is; audited.
 * In the user's language, times in China time, amounts as numbers of yuan, the header row frozen.
 */
export async function exportAssets(
  db: Db,
  actor: Actor,
  caseId: string,
  query: TAssetExportQuery,
  purpose: string,
) {
  const { lang, ...listQuery } = query;
  const { items, caseNumber } = await db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const loaded = await loadFeedback(tx, c, listQuery);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.assets.export',
      objectType: 'case',
      objectId: c.id,
      purpose,
      detail: { items: loaded.length, isMasked: !c.isTeamMember },
    });
    return { items: loaded, caseNumber: c.caseNumber };
  });
  return feedbackWorkbook(items, caseNumber, lang);
}

/** The workbook of the feedback rows (what `loadFeedback` gives), in the language asked for. */
export async function feedbackWorkbook(
  items: readonly FeedbackItem[],
  caseNumber: string,
  lang: TAssetExportQuery['lang'],
): Promise<{ buffer: Buffer; fileName: string }> {
  const words = headings[lang];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(words.sheet);
  sheet.addRow([`${caseNumber} ${words.sheet}`]);
  sheet.addRow(words.columns.map(([title]) => title));
  for (const i of items) {
    sheet.addRow([
      i.respondentName,
      isAssetType(i.assetType) ? assetTypeLabels[i.assetType][lang] : i.assetType,
      i.institutionName,
      words.channel[i.channel === 'national' ? 'national' : 'local'],
      i.identifier,
      i.description,
      yuan(i.valueFen),
      yuan(i.balanceFen),
      yuan(i.frozenFen),
      yuan(i.availableFen),
      i.encumbrances
        .map((e) => {
          const kind = isMeasureKind(e.kind) ? measureKindLabels[e.kind][lang] : e.kind;
          return `${e.court} ${e.caseNumber} ${kind}${e.until ? ` ${words.until} ${e.until}` : ''}`;
        })
        .join(lang === 'zh' ? '；' : '; '),
      i.measureKinds.map((k) => measureKindLabels[k][lang]).join(lang === 'zh' ? '、' : ', '),
      i.channelDifference?.[lang] ?? '',
      i.answeredAt ? formatChinaDateTime(i.answeredAt) : '',
    ]);
  }
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(2).font = { bold: true };
  for (const c of moneyColumns) sheet.getColumn(c).numFmt = '#,##0.00';
  words.columns.forEach(([, width], i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileName =
    lang === 'zh' ? `${caseNumber}-查控财产反馈清单.xlsx` : `${caseNumber}-inquiry-feedback.xlsx`;
  return { buffer, fileName };
}
