import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { assets, institutions } from '../tables.ts';

/**
 * Every asset the institutions reported for one respondent of a case (the feedback list's rows
 * of that respondent, unmasked): what a property report is compared with. Inquiry's reader for
 * other modules (through its index.ts); the caller has checked the case's scope.
 */
export type RespondentAsset = {
  id: string;
  assetType: string;
  institution: string;
  institutionName: string | null;
  identifier: string;
  description: string;
  valueFen: number | null;
  balanceFen: number | null;
};

export async function listRespondentAssets(
  db: DbOrTx,
  caseId: string,
  respondentPartyId: string,
): Promise<RespondentAsset[]> {
  return db
    .select({
      id: assets.id,
      assetType: assets.assetType,
      institution: assets.institution,
      institutionName: institutions.name,
      identifier: assets.identifier,
      description: assets.description,
      valueFen: assets.valueFen,
      balanceFen: assets.balanceFen,
    })
    .from(assets)
    .leftJoin(institutions, eq(institutions.code, assets.institution))
    .where(and(eq(assets.caseId, caseId), eq(assets.respondentPartyId, respondentPartyId)))
    .orderBy(asc(assets.assetType), asc(assets.firstAnsweredAt), asc(assets.id));
}
