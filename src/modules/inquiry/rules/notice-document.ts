/**
 * The notice a measure sends to the assisting unit (协助执行通知书), kept in the case dossier.
 * Legal bases: CPL art. 253 (query, freeze, deduct deposits and similar property), CPL art. 255
 * (seal, seize, freeze other property), CPL-I art. 485 (periods).
 */
import { formatYuan } from '../../../kernel/index.ts';
import type { MeasureKind } from './asset-types.ts';

export type NoticeInput = {
  kind: MeasureKind;
  assetType: string;
  targetKind?: 'freeze' | 'seal' | 'seize' | null;
  caseNumber: string;
  courtName: string;
  institutionName: string;
  respondentName: string;
  identifier: string;
  description: string;
  amountFen?: number | null;
  until?: string | null;
  issuedOn: string;
};

function titleOf(input: NoticeInput): string {
  const isDeposit = input.assetType === 'deposit';
  switch (input.kind) {
    case 'freeze':
      return isDeposit ? '协助冻结存款通知书' : '协助冻结财产通知书';
    case 'seal':
      if (input.assetType === 'equity') return '协助冻结股权通知书';
      return input.assetType === 'realEstate' ? '协助查封不动产通知书' : '协助查封通知书';
    case 'seize':
      return '协助扣押通知书';
    case 'renew':
      return input.targetKind === 'freeze' ? '协助续行冻结通知书' : '协助续行查封通知书';
    case 'unfreeze':
      return input.targetKind === 'freeze' ? '协助解除冻结通知书' : '协助解除查封通知书';
    case 'deduct':
      return isDeposit ? '协助扣划存款通知书' : '协助扣划通知书';
  }
}

function instructionOf(input: NoticeInput): string {
  const amount = input.amountFen ? `人民币${formatYuan(input.amountFen)}元` : '';
  const period = input.until ? `，期限至${input.until}止` : '';
  switch (input.kind) {
    case 'freeze':
      return `冻结被执行人${input.respondentName}名下${input.description}（${input.identifier}）内${amount}${period}。冻结期间不得支付。`;
    case 'seal':
      return `查封（冻结）被执行人${input.respondentName}名下${input.description}（${input.identifier}）${period}。查封期间不得办理转移、抵押等手续。`;
    case 'seize':
      return `扣押被执行人${input.respondentName}名下${input.description}（${input.identifier}）${period}。`;
    case 'renew':
      return `对被执行人${input.respondentName}名下${input.description}（${input.identifier}）继续采取控制措施${period}。`;
    case 'unfreeze':
      return `解除对被执行人${input.respondentName}名下${input.description}（${input.identifier}）采取的控制措施。`;
    case 'deduct':
      return `自被执行人${input.respondentName}名下${input.description}（${input.identifier}）已冻结款项中扣划${amount}至本院执行款专户。`;
  }
}

function basisOf(kind: MeasureKind): string {
  if (kind === 'seal' || kind === 'seize')
    return '《中华人民共和国民事诉讼法》第二百五十五条、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十五条';
  return '《中华人民共和国民事诉讼法》第二百五十三条、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十五条';
}

export function composeNotice(input: NoticeInput): { name: string; text: string } {
  const title = titleOf(input);
  const text = [
    `${input.courtName}`,
    `${title}`,
    `${input.caseNumber}`,
    `${input.institutionName}：`,
    `本院执行的${input.caseNumber}案件，因被执行人${input.respondentName}未按执行通知履行法律文书确定的义务，依照${basisOf(input.kind)}的规定，请协助执行下列事项：`,
    instructionOf(input),
    '请于收到本通知后及时办理，并将办理结果反馈本院。',
    `${input.courtName}`,
    `${input.issuedOn}`,
  ].join('\n');
  return { name: `${title}（${input.caseNumber}，${input.institutionName}）`, text };
}
