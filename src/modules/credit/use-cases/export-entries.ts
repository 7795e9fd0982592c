import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db.ts';
import type { Actor } from '../../identity/index.ts';
import { type EntryFilter, listEntries } from './list-entries.ts';

const stateLabels: Record<string, string> = {
  pendingApproval: '待审批',
  listed: '已纳入',
  refused: '未批准',
  deleted: '已删除',
  revoked: '已撤销',
};

// At most this many rows in one export (the filters narrow it further).
export const exportRowLimit = 20_000;

/** The filtered entries as an Excel workbook (ID numbers masked as in the list). */
export async function exportEntries(
  db: Db,
  actor: Actor,
  filter: Omit<EntryFilter, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const { items } = await listEntries(
    db,
    actor,
    { ...filter, page: 1, pageSize: exportRowLimit },
    { isExport: true },
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('失信被执行人');
  sheet.columns = [
    { header: '编号', key: 'reference', width: 16 },
    { header: '案号', key: 'caseNumber', width: 24 },
    { header: '执行法院', key: 'court', width: 24 },
    { header: '被执行人', key: 'name', width: 24 },
    { header: '身份证号/统一社会信用代码', key: 'identifier', width: 24 },
    { header: '失信情形', key: 'ground', width: 40 },
    { header: '状态', key: 'state', width: 10 },
    { header: '申请/提请日期', key: 'requestedOn', width: 14 },
    { header: '决定日期', key: 'decidedOn', width: 12 },
    { header: '发布日期', key: 'publishFrom', width: 12 },
    { header: '期限届满', key: 'expiresOn', width: 12 },
    { header: '删除日期', key: 'deletedOn', width: 12 },
    { header: '信用修复', key: 'repair', width: 10 },
    { header: '标的额（元）', key: 'obligation', width: 14 },
    { header: '已履行（元）', key: 'performed', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of items) {
    sheet.addRow({
      reference: e.reference,
      caseNumber: e.caseNumber,
      court: e.court,
      name: e.name,
      identifier: e.idNumber ?? e.creditCode ?? '',
      ground: `（${e.ground}）${e.groundLabel.zh}`,
      state: stateLabels[e.state] ?? e.state,
      requestedOn: e.requestedOn,
      decidedOn: e.decidedOn ?? '',
      publishFrom: e.publishFrom ?? '',
      expiresOn: e.expiresOn ?? '',
      deletedOn: e.deletedOn ?? '',
      repair: e.isCreditRepair ? '是' : '',
      obligation: e.obligationFen / 100,
      performed: e.performedFen / 100,
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
