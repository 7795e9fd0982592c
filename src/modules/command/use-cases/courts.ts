import type { DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { findCourtByCode, getCourt } from '../../identity/index.ts';

/** A court named by its code (法院代字) or id, anywhere in the country; 400 naming `field` if none. */
export async function resolveCourt(db: DbOrTx, codeOrId: string, field: string) {
  const byCode = await findCourtByCode(db, codeOrId);
  const court = byCode
    ? await getCourt(db, byCode.id)
    : isUuid(codeOrId)
      ? await getCourt(db, codeOrId)
      : null;
  if (!court) throw invalidField(field, '法院不存在', 'No such court');
  return court;
}

/** The lowest court above (or equal to) both: where a dispute between them is coordinated. */
export function commonCourtId(pathA: string, pathB: string): string | null {
  const a = pathA.split('/').filter((s) => s.length > 0);
  const b = pathB.split('/').filter((s) => s.length > 0);
  let common: string | null = null;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i += 1) common = a[i] ?? null;
  return common;
}

/** The court directly above a court, from its path of ids. */
export function parentCourtId(path: string): string | null {
  const ids = path.split('/').filter((s) => s.length > 0);
  return ids.length >= 2 ? (ids[ids.length - 2] ?? null) : null;
}
