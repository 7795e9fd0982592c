/**
 * What the public list shows of an entry (失信规定 art. 6): for an organisation its name, credit
 * code and legal representative; for a person name, sex, age and the ID number partly masked.
 */
import { ageOn, defaultIdMask, type IdMask, maskIdNumber, sexOf } from '../../../kernel/index.ts';

export type PublicSubject =
  | { kind: 'natural'; name: string; sex: 'male' | 'female'; age: number; idNumber: string }
  | { kind: 'organisation'; name: string; creditCode: string | null; legalRepresentative: string | null };

/** 失信规定 art. 6 (practice: the portal hides digits 11–14, the birth month and day; configurable). */
export function publicSubjectOf(
  s: {
    kind: string;
    name: string;
    idNumber: string | null;
    creditCode: string | null;
    legalRepresentative: string | null;
  },
  today: string,
  mask: IdMask = defaultIdMask,
): PublicSubject {
  if (s.kind === 'natural' && s.idNumber) {
    return {
      kind: 'natural',
      name: s.name,
      sex: sexOf(s.idNumber),
      age: ageOn(s.idNumber, today),
      idNumber: maskIdNumber(s.idNumber, mask),
    };
  }
  return {
    kind: 'organisation',
    name: s.name,
    creditCode: s.creditCode,
    legalRepresentative: s.legalRepresentative,
  };
}

/** Whether an entry is on the public list today: listed, past its grace period, not past its term. */
export function isPublishedOn(
  e: { state: string; publishFrom: string | null; expiresOn: string | null },
  today: string,
): boolean {
  return (
    e.state === 'listed' &&
    e.publishFrom !== null &&
    e.publishFrom <= today &&
    (e.expiresOn === null || today <= e.expiresOn)
  );
}
