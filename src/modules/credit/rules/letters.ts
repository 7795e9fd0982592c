/**
 * The documents of credit punishment, generated from what the case and the decision know and
 * kept with the entry for the dossier: the listing decision (失信规定 art. 5), the consumption
 * restriction order (限消规定 art. 4), the exit-restriction notice and the deletion decision.
 */

import { type BoundRole, boundRoles, type RestrictedBehaviour, restrictedBehaviours } from './consumption.ts';
import { type DeletionGround, deletionGrounds } from './deletion.ts';
import { groundClause, type ListingGround, listingGrounds } from './grounds.ts';

export type LetterSubject = {
  kind: 'natural' | 'legal' | 'other';
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
};

export type LetterCase = {
  courtName: string;
  caseNumber: string;
  basisDocumentNumber: string;
  basisIssuedBy: string;
  applicantNames: readonly string[];
};

function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function subjectLine(s: LetterSubject): string {
  if (s.kind === 'natural') return `被执行人：${s.name}，公民身份号码${s.idNumber ?? '（未登记）'}。`;
  const rep = s.legalRepresentative ? `，法定代表人（负责人）${s.legalRepresentative}` : '';
  return `被执行人：${s.name}，统一社会信用代码${s.creditCode ?? '（未登记）'}${rep}。`;
}

function signature(courtName: string, presidentName: string, date: string): string[] {
  return ['', `院长　${presidentName}`, '', formatChineseDate(date), `（${courtName}印）`];
}

/** 失信规定 art. 5: the decision letter with reasons and term, signed by the court president. */
export function renderListingDecision(input: {
  c: LetterCase;
  subject: LetterSubject;
  ground: ListingGround;
  facts: string;
  expiresOn: string | null;
  extendYears: number;
  publishFrom: string;
  decidedOn: string;
  presidentName: string;
}): string {
  const { c, subject, ground } = input;
  const term =
    input.expiresOn === null
      ? '纳入期限：依法不设固定期限，至失信情形消除、依法删除之日止。'
      : `纳入期限：自本决定作出之日起至${formatChineseDate(input.expiresOn)}止（${2 + input.extendYears}年${input.extendYears > 0 ? `，含依法延长${input.extendYears}年` : ''}）。`;
  const grace =
    input.publishFrom > input.decidedOn
      ? `给予宽限期，宽限期内不予发布；自${formatChineseDate(input.publishFrom)}起通过失信被执行人名单库公布并实施信用惩戒。`
      : '本决定作出后即通过失信被执行人名单库公布并实施信用惩戒。';
  return [
    c.courtName,
    '决　定　书',
    `${c.caseNumber}之一`,
    '',
    `申请执行人：${c.applicantNames.join('、')}。`,
    subjectLine(subject),
    '',
    `本院在执行${c.basisIssuedBy}${c.basisDocumentNumber}法律文书一案中，被执行人未履行生效法律文书确定的义务，并具有下列情形：${listingGrounds[ground].zh}。`,
    `事实与理由：${input.facts}`,
    `依照《中华人民共和国民事诉讼法》第二百六十六条、${groundClause(ground).zh}之规定，决定如下：`,
    `将${subject.name}纳入失信被执行人名单。`,
    term,
    grace,
    '被执行人认为本决定有错误的，可以向本院申请纠正。本决定一经作出即生效。',
    ...signature(c.courtName, input.presidentName, input.decidedOn),
  ].join('\n');
}

/** 限消规定 arts. 3–4: the consumption restriction order, signed by the court president. */
export function renderRestrictionOrder(input: {
  c: LetterCase;
  subject: LetterSubject;
  boundPersons: readonly { role: BoundRole; name: string }[];
  behaviours: readonly RestrictedBehaviour[];
  orderedOn: string;
  presidentName: string;
}): string {
  const { c, subject } = input;
  const bound =
    input.boundPersons.length > 0
      ? `，并限制其${input.boundPersons.map((p) => `${boundRoles[p.role].zh}${p.name}`).join('、')}`
      : '';
  return [
    c.courtName,
    '限制消费令',
    `${c.caseNumber}`,
    '',
    subjectLine(subject),
    '',
    `本院于执行${c.basisIssuedBy}${c.basisDocumentNumber}法律文书一案中，被执行人未按执行通知书指定的期间履行生效法律文书确定的给付义务。依照《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条、第三条之规定，现对被执行人采取限制消费措施${bound}，不得实施以下高消费及非生活和工作必需的消费行为：`,
    ...input.behaviours.map((b) => `（${b}）${restrictedBehaviours[b].zh}；`),
    '如因私消费以个人财产实施前述行为的，可以向本院提出申请，经审查属实的，应予准许。',
    '被执行人违反限制消费令的，经查证属实，依照《中华人民共和国民事诉讼法》第一百一十四条的规定予以罚款、拘留；情节严重构成犯罪的，依法追究刑事责任。',
    ...signature(c.courtName, input.presidentName, input.orderedOn),
  ].join('\n');
}

/** CPL art. 266: the notice asking the exit authority to stop the subject leaving the country. */
export function renderExitNotice(input: {
  c: LetterCase;
  subject: LetterSubject;
  authority: string;
  orderedOn: string;
  presidentName: string;
}): string {
  const { c, subject } = input;
  return [
    c.courtName,
    '协助执行通知书（限制出境）',
    `${c.caseNumber}`,
    '',
    `${input.authority}：`,
    `本院在执行${c.caseNumber}案件中，因被执行人未履行生效法律文书确定的义务，依照《中华人民共和国民事诉讼法》第二百六十六条之规定，决定限制${subject.name}（${subject.idNumber ?? subject.creditCode ?? ''}）出境。请予协助执行。`,
    ...signature(c.courtName, input.presidentName, input.orderedOn),
  ].join('\n');
}

/** 失信规定 art. 10: the decision deleting an entry, stating the ground. */
export function renderDeletionDecision(input: {
  c: LetterCase;
  subject: LetterSubject;
  ground: DeletionGround;
  reason: string;
  deletedOn: string;
}): string {
  const { c, subject, ground } = input;
  return [
    c.courtName,
    '决　定　书',
    `${c.caseNumber}之二`,
    '',
    subjectLine(subject),
    '',
    `本院在执行${c.caseNumber}案件中曾将被执行人纳入失信被执行人名单。现因${deletionGrounds[ground].zh}（${deletionGrounds[ground].clause}）${input.reason ? `：${input.reason}` : ''}，依照《最高人民法院关于公布失信被执行人名单信息的若干规定》第十条之规定，决定将${subject.name}的失信信息从失信被执行人名单库中删除。`,
    '',
    formatChineseDate(input.deletedOn),
    `（${c.courtName}印）`,
  ].join('\n');
}
