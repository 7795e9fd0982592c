import {
  AlignmentType,
  Document,
  Footer,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
} from 'docx';
import { chineseDate } from '../rules/chinese-date.ts';
import type { DocumentModel } from '../rules/templates.ts';
import { sealPng } from './seal.ts';

/**
 * A document as a Word file in the official layout (GB/T 9704-2012; 人民法院诉讼文书样式): A4,
 * margins 37/35/28/26 mm, the court and the title in 小标宋, the body in 仿宋 三号 with a two-character
 * first-line indent, the court and the date at the foot, the seal over the date.
 */
const mm = (value: number) => Math.round((value / 25.4) * 1440);
const title = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const body = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
/** 三号 = 16 pt; docx counts half-points. */
const bodySize = 32;
const lineTwips = 560;
const emuPerMm = 36000;

function bodyParagraph(text: string, opts: { indent?: boolean; align?: 'right' | 'left' } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: lineTwips, lineRule: 'exact' },
    children: [new TextRun({ text, font: body, size: bodySize })],
  });
}

export async function renderDocx(
  model: DocumentModel,
  opts: { sealedBy: string | null; verificationCode: string },
): Promise<Buffer> {
  const sealRun = opts.sealedBy
    ? [
        new ImageRun({
          type: 'png',
          data: sealPng(opts.sealedBy),
          transformation: { width: (42 / 25.4) * 96, height: (42 / 25.4) * 96 },
          altText: { name: 'seal', title: '院印', description: `${opts.sealedBy}印章` },
          floating: {
            horizontalPosition: {
              relative: HorizontalPositionRelativeFrom.MARGIN,
              offset: mm(0) + emuPerMm * 95,
            },
            verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: -emuPerMm * 22 },
            allowOverlap: true,
            behindDocument: false,
            wrap: { type: TextWrappingType.NONE },
          },
        }),
      ]
    : [];
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: model.courtName, font: title, size: 44 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: model.title, font: title, size: 52 })],
    }),
    bodyParagraph(model.number, { indent: false, align: 'right' }),
    ...(model.addressee ? [bodyParagraph(model.addressee, { indent: false })] : []),
    ...model.paragraphs.map((p) => bodyParagraph(p)),
    ...(model.closing ? [bodyParagraph(model.closing)] : []),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 640 },
      spacing: { line: lineTwips, lineRule: 'exact' },
      children: [new TextRun({ text: model.courtName, font: body, size: bodySize })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 640 },
      spacing: { line: lineTwips, lineRule: 'exact' },
      children: [...sealRun, new TextRun({ text: chineseDate(model.issuedOn), font: body, size: bodySize })],
    }),
    ...model.notes.map((n) => bodyParagraph(n, { indent: false })),
  ];
  const document = new Document({
    creator: model.courtName,
    title: `${model.title} ${model.number}`,
    description: `文书校验码 ${opts.verificationCode}`,
    styles: { default: { document: { run: { font: body, size: bodySize } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `文书校验码：${opts.verificationCode}`, font: body, size: 18 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
