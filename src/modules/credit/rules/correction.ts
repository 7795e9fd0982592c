/** Correction requests by a listed debtor (失信规定 arts. 11–12) and their deadlines. */
import { addCalendarDays, addWorkingDays, type Bilingual } from '../../../kernel/index.ts';

// 失信规定 art. 11: the three grounds on which a listed debtor may ask for correction
export const correctionGrounds = {
  wronglyListed: {
    clause: 'art. 11(1)',
    zh: '不应将其纳入失信被执行人名单',
    en: 'Should not have been listed',
  },
  wrongInformation: {
    clause: 'art. 11(2)',
    zh: '记载和公布的失信信息不准确',
    en: 'The recorded information is wrong',
  },
  shouldHaveBeenDeleted: {
    clause: 'art. 11(3)',
    zh: '失信信息应予删除',
    en: 'The entry should have been deleted',
  },
} as const satisfies Record<string, Bilingual & { clause: string }>;
export type CorrectionGround = keyof typeof correctionGrounds;
export const correctionGroundValues = ['wronglyListed', 'wrongInformation', 'shouldHaveBeenDeleted'] as const;

// 失信规定 art. 11: the court reviews a correction request within fifteen days
export const correctionReviewDays = 15;
// 失信规定 art. 11: a well-founded request is corrected within three working days
export const correctionWorkingDays = 3;
// 失信规定 art. 12: a rejection may be taken to the higher court within ten days
export const higherReviewRequestDays = 10;
// 失信规定 art. 12: the higher court decides within fifteen days
export const higherReviewDays = 15;

export function correctionReviewDueOn(receivedOn: string): string {
  return addCalendarDays(receivedOn, correctionReviewDays);
}

export function correctionDueOn(upheldOn: string): string {
  return addWorkingDays(upheldOn, correctionWorkingDays);
}

export function higherReviewRequestDueOn(rejectedOn: string): string {
  return addCalendarDays(rejectedOn, higherReviewRequestDays);
}

export function higherReviewDueOn(requestedOn: string): string {
  return addCalendarDays(requestedOn, higherReviewDays);
}

/** What an upheld request does to the entry: revoke it, or correct its information, or delete it. */
export function outcomeOfUpheldCorrection(ground: CorrectionGround): 'revoke' | 'correct' | 'delete' {
  if (ground === 'wronglyListed') return 'revoke';
  return ground === 'wrongInformation' ? 'correct' : 'delete';
}
