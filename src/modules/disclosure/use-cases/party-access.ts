import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { type PartySeat, seatsOfLawyer, seatsOfPerson } from '../../cases/index.ts';
import type { PortalUser } from '../portal-auth.ts';
import { lawyers } from '../tables.ts';

/**
 * The cases a portal user may see: a party's own (by the ID number or credit code they signed in
 * with), a lawyer's those of the parties who named them. Any other case does not exist (404).
 */
export type CaseAccess = {
  caseId: string;
  courtId: string;
  caseNumber: string;
  /** As whom the user sees the case. */
  role: 'applicant' | 'respondent' | 'lawyer';
  /** The parties the user is, or represents. */
  seats: PartySeat[];
  submitter: { kind: 'applicant' | 'respondent' | 'lawyer'; name: string; id: string };
};

export async function lawyerOf(db: DbOrTx, lawyerId: string) {
  const [row] = await db.select().from(lawyers).where(eq(lawyers.id, lawyerId));
  return row ?? null;
}

export async function seatsOf(db: DbOrTx, user: PortalUser): Promise<PartySeat[]> {
  if (user.kind === 'party') return seatsOfPerson(db, user.identifier);
  const lawyer = await lawyerOf(db, user.lawyerId);
  return lawyer ? seatsOfLawyer(db, lawyer.licenceNumber) : [];
}

/** Every case of the user, one access each, in the order of their seats (newest case first). */
export async function accessibleCases(db: DbOrTx, user: PortalUser): Promise<CaseAccess[]> {
  const seats = await seatsOf(db, user);
  const byCase = new Map<string, PartySeat[]>();
  for (const seat of seats) byCase.set(seat.caseId, [...(byCase.get(seat.caseId) ?? []), seat]);
  return [...byCase.values()].map((caseSeats) => accessOf(user, caseSeats));
}

function accessOf(user: PortalUser, caseSeats: PartySeat[]): CaseAccess {
  const [first] = caseSeats;
  if (!first) throw new Error('a case access needs a seat');
  const role = user.kind === 'lawyer' ? 'lawyer' : first.role;
  return {
    caseId: first.caseId,
    courtId: first.courtId,
    caseNumber: first.caseNumber,
    role,
    seats: caseSeats,
    submitter: {
      kind: role,
      name: user.name,
      id: user.kind === 'lawyer' ? user.lawyerId : user.identifier,
    },
  };
}

export function caseNotFound(): AppError {
  return new AppError(ErrorCode.notFound, bi('案件不存在', 'No such case'));
}

/** The user's access to one case, or 404 — as if the case did not exist. */
export async function loadCaseAccess(db: DbOrTx, user: PortalUser, caseId: string): Promise<CaseAccess> {
  const found = (await accessibleCases(db, user)).find((a) => a.caseId === caseId);
  if (!found) throw caseNotFound();
  return found;
}
