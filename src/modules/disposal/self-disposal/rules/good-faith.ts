/**
 * Replacing a seal by other adequate security (查封置换) and financing with sealed property
 * (查封财产融资) are allowed where the applicant's interests are not harmed (善意文明执行意见,
 * 法发〔2019〕35号; DOMAIN §13) — in practice with the applicant's consent, or on the court's review,
 * whose reasons are then written down.
 */

export const goodFaithKindValues = ['sealSubstitution', 'sealedFinancing'] as const;
export type GoodFaithKind = (typeof goodFaithKindValues)[number];

export const securityKindValues = ['cash', 'guarantee', 'property'] as const;

/** Without the applicant's consent the court's review must say why the applicant is not harmed. */
export function isApprovalGrounded(input: {
  applicantConsent: boolean;
  reviewNote?: string | null;
}): boolean {
  if (input.applicantConsent) return true;
  return (input.reviewNote ?? '').trim().length > 0;
}
