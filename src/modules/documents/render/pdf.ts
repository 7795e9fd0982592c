import PDFDocument from 'pdfkit';
import { chineseDate } from '../rules/chinese-date.ts';
import type { DocumentModel } from '../rules/templates.ts';
import { bodyFont, titleFont } from './fonts.ts';
import { polygonPath, sealDiameterPt, sealGeometry, sealRed, sealUnits } from './seal.ts';

/**
 * The same document as a PDF with real, searchable text in an embedded CJK font (the subset of
 * Noto Serif SC it uses), in the layout of the Word file; the seal drawn as vectors over the date.
 */
const pt = (mm: number) => (mm / 25.4) * 72;

export async function renderPdf(
  model: DocumentModel,
  opts: { sealedBy: string | null; verificationCode: string; createdAt: Date },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: pt(37), bottom: pt(35), left: pt(28), right: pt(26) },
    info: {
      Title: `${model.title} ${model.number}`,
      Author: model.courtName,
      Subject: model.number,
      Keywords: `文书校验码 ${opts.verificationCode}`,
      CreationDate: opts.createdAt,
      ModDate: opts.createdAt,
    },
    lang: 'zh-CN',
    displayTitle: true,
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('title', titleFont());
  doc.registerFont('body', bodyFont());
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bodySize = 16;
  const lineGap = 28 - bodySize * 1.3;

  doc.font('title').fontSize(22).text(model.courtName, { align: 'center' });
  doc.moveDown(0.2);
  doc.fontSize(26).text(model.title, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('body').fontSize(bodySize).text(model.number, { align: 'right', lineGap });
  if (model.addressee) doc.text(model.addressee, { lineGap });
  for (const paragraph of [...model.paragraphs, ...(model.closing ? [model.closing] : [])]) {
    doc.text(paragraph, { indent: bodySize * 2, lineGap, align: 'justify', width });
  }
  doc.moveDown(2);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  const footRight = { align: 'right' as const, width: width - bodySize * 2, lineGap };
  doc.text(model.courtName, doc.page.margins.left, doc.y, footRight);
  const dateY = doc.y;
  doc.text(chineseDate(model.issuedOn), doc.page.margins.left, dateY, footRight);
  if (opts.sealedBy) {
    // 骑年盖月: the seal's centre over the date, a little above it.
    const scale = sealDiameterPt / sealUnits;
    const x = doc.page.margins.left + width - bodySize * 2 - 80 - sealDiameterPt / 2;
    const y = dateY - sealDiameterPt / 2 + 6;
    const geometry = sealGeometry(opts.sealedBy);
    doc.save();
    doc.translate(x, y);
    doc.fillOpacity(0.88).fillColor([sealRed.r, sealRed.g, sealRed.b]);
    const r = geometry.ring;
    doc
      .circle(r.cx * scale, r.cy * scale, r.outer * scale)
      .circle(r.cx * scale, r.cy * scale, r.inner * scale)
      .fill('even-odd');
    doc.path(geometry.polygons.map((p) => polygonPath(p, scale)).join(' ')).fill('non-zero');
    doc.restore();
  }
  doc.moveDown(1);
  for (const note of model.notes) doc.text(note, doc.page.margins.left, doc.y, { lineGap });
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(9)
      .fillColor('black')
      .text(
        `文书校验码：${opts.verificationCode}　第${i + 1}页／共${pages.count}页`,
        doc.page.margins.left,
        doc.page.height - pt(20),
        {
          align: 'center',
          width,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
