/** Revoking and deleting dishonest-list entries (失信规定 arts. 9–10). */

import { addMonths, addWorkingDays, type Bilingual, compareIsoDates } from '../../../kernel/index.ts';
import { ClosingType } from '../../cases/index.ts';

// 失信规定 art. 10: the grounds for deleting an entry, plus the end of a fixed term
export const deletionGrounds = {
  fullyPerformed: {
    clause: 'art. 10(1)',
    zh: '被执行人已履行生效法律文书确定的义务',
    en: 'All obligations performed',
  },
  settlementPerformed: {
    clause: 'art. 10(2)',
    zh: '当事人达成执行和解协议且已履行完毕',
    en: 'Enforcement settlement performed',
  },
  applicantRequest: {
    clause: 'art. 10(3)',
    zh: '申请执行人书面申请删除失信信息，人民法院审查同意',
    en: 'Applicant asked in writing for deletion and the court agreed',
  },
  terminatedRoundNoAssets: {
    clause: 'art. 10(4)',
    zh: '终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上，未发现有可供执行财产，且申请执行人或者其他人未提供有效财产线索',
    en: 'After this round was terminated, two or more online searches found nothing and no lead was given',
  },
  suspendedRetrialOrBankruptcy: {
    clause: 'art. 10(5)',
    zh: '因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行',
    en: 'Enforcement suspended for retrial or bankruptcy',
  },
  notEnforced: { clause: 'art. 10(6)', zh: '人民法院依法裁定不予执行', en: 'The court ruled not to enforce' },
  enforcementTerminated: {
    clause: 'art. 10(7)',
    zh: '人民法院依法裁定终结执行',
    en: 'The court terminated enforcement',
  },
  termExpired: { clause: 'art. 10', zh: '失信期限届满', en: 'The fixed listing term has ended' },
  // SPC 2019 opinion on good-faith enforcement (credit repair): early deletion on adequate security
  securityProvided: {
    clause: '2019 opinion',
    zh: '被执行人提供有效担保，信用修复',
    en: 'The debtor gave adequate security (credit repair)',
  },
} as const satisfies Record<string, Bilingual & { clause: string }>;
export type DeletionGround = keyof typeof deletionGrounds;

export function isDeletionGround(s: string): s is DeletionGround {
  return Object.hasOwn(deletionGrounds, s);
}

/** Deletion grounds that are credit repair: the debtor performed, settled and performed, or secured. */
export const creditRepairGrounds: readonly DeletionGround[] = [
  'fullyPerformed',
  'settlementPerformed',
  'securityProvided',
];

export function isCreditRepair(ground: DeletionGround): boolean {
  return creditRepairGrounds.includes(ground);
}

// 失信规定 art. 10: delete within three working days of the ground occurring
export const deletionWorkingDays = 3;
// 失信规定 art. 9: revoke or correct a wrong entry within three working days
export const revocationWorkingDays = 3;
// 失信规定 art. 10(4): two or more online searches that found nothing
export const minimumEmptySearches = 2;
// 失信规定 art. 10(3): after deletion on the applicant's request, the same applicant's new request within six months is refused
export const applicantRequestBarMonths = 6;

/** 失信规定 art. 10: the last day to delete an entry whose ground occurred on `groundOccurredOn`. */
export function deletionDueOn(groundOccurredOn: string): string {
  return addWorkingDays(groundOccurredOn, deletionWorkingDays);
}

/** 失信规定 art. 10: a fixed-term entry is deleted within three working days after its last day. */
export function termEndDeletionDueOn(expiresOn: string): string {
  return addWorkingDays(expiresOn, deletionWorkingDays);
}

/** 失信规定 art. 9: a wrong entry is revoked or corrected within three working days. */
export function revocationDueOn(errorFoundOn: string): string {
  return addWorkingDays(errorFoundOn, revocationWorkingDays);
}

/** Whether a fixed term has run out on `today` (its last day is `expiresOn`). */
export function hasTermEnded(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && compareIsoDates(today, expiresOn) > 0;
}

/**
 * 失信规定 art. 10(4): after 终本, an entry without a fixed term is deleted once two or more online
 * searches found nothing and no lead came; fixed-term entries run out their term instead.
 */
export function shouldDeleteAfterTermination(input: {
  hasFixedTerm: boolean;
  searchesWithNothingFound: number;
  hasLead: boolean;
}): boolean {
  return !input.hasFixedTerm && input.searchesWithNothingFound >= minimumEmptySearches && !input.hasLead;
}

/** 失信规定 art. 10(3): the last day on which the same applicant's new request is refused. */
export function applicantBarEndsOn(deletedOn: string): string {
  return addMonths(deletedOn, applicantRequestBarMonths);
}

export function isApplicantBarred(deletedOnRequest: string | null, today: string): boolean {
  return deletedOnRequest !== null && compareIsoDates(today, applicantBarEndsOn(deletedOnRequest)) <= 0;
}

/**
 * The deletion ground that closing a case gives its entries, or null when closing alone is no
 * ground (终本: see `shouldDeleteAfterTermination`). A case closed as fulfilled after a settlement
 * was reached was performed by settlement (art. 10(2)).
 */
export function deletionForCaseClosing(closingType: string, hasSettlement: boolean): DeletionGround | null {
  switch (closingType) {
    case ClosingType.fulfilled:
      return hasSettlement ? 'settlementPerformed' : 'fullyPerformed';
    case ClosingType.terminated:
      return 'enforcementTerminated';
    // CPL art. 268(1): the applicant withdrawing the application is a ground for terminating enforcement
    case ClosingType.withdrawn:
      return 'enforcementTerminated';
    case ClosingType.notEnforced:
      return 'notEnforced';
    // The application is refused, so the basis is not enforced in this case: treated like 不予执行
    case ClosingType.rejected:
      return 'notEnforced';
    default:
      return null;
  }
}

const retrialOrBankruptcy = /审判监督|再审|破产|retrial|bankrupt/i;

/**
 * 失信规定 art. 10(5): only a suspension for retrial (审判监督) or bankruptcy deletes the entry; the
 * suspension node's note states the reason (CPL art. 267 lists the others, which do not).
 */
export function isSuspensionDeletionGround(note: string): boolean {
  return retrialOrBankruptcy.test(note);
}
