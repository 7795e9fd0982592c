import ExcelJS from 'exceljs';
import { formatYuan } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAssetQuery } from '../contracts.ts';
import { assetTypeLabels, isAssetType } from '../rules/asset-types.ts';
import { loadFeedback } from './feedback-list.ts';

const yuan = (fen: number | undefined) => (fen === undefined ? '' : formatYuan(fen));

/** The feedback list as an Excel workbook (查控财产反馈清单.xlsx), masked as the screen is; audited. */
export async function exportAssets(
  db: Db,
  actor: Actor,
  caseId: string,
  query: TAssetQuery,
  purpose: string,
) {
  const { items, caseNumber } = await db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const loaded = await loadFeedback(tx, c, query);
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
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('查控财产反馈清单');
  sheet.addRow([`${caseNumber} 查控财产反馈清单 / Feedback list`]);
  sheet.addRow([
    '被执行人',
    '财产类型',
    '反馈机构',
    '渠道',
    '财产标识',
    '财产描述',
    '价值（元）',
    '余额（元）',
    '已冻结（元）',
    '可冻结（元）',
    '权利负担',
    '本案措施',
    '渠道差异',
    '反馈时间',
  ]);
  for (const i of items) {
    sheet.addRow([
      i.respondentName,
      isAssetType(i.assetType) ? assetTypeLabels[i.assetType].zh : i.assetType,
      i.institutionName,
      i.channel === 'national' ? '总对总' : '点对点',
      i.identifier,
      i.description,
      yuan(i.valueFen),
      yuan(i.balanceFen),
      yuan(i.frozenFen),
      yuan(i.availableFen),
      i.encumbrances
        .map((e) => `${e.court} ${e.caseNumber} ${e.kind}${e.until ? ` 至${e.until}` : ''}`)
        .join('；'),
      i.measureKinds.join('、'),
      i.channelDifference?.zh ?? '',
      i.answeredAt,
    ]);
  }
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((col) => {
    col.width = 18;
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `${caseNumber}-查控财产反馈清单.xlsx` };
}
