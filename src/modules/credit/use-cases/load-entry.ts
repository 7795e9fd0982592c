import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, dataScopePrefix } from '../../identity/index.ts';
import { entries } from '../tables.ts';
import type { EntryRow } from './apply-listing.ts';

/** An entry of a court in the actor's data scope, or 404 (outside the scope it does not exist). */
export async function loadEntryInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<EntryRow> {
  if (!isUuid(id)) throw notFound('失信记录', 'Dishonest-list entry');
  const query = db
    .select()
    .from(entries)
    .where(and(eq(entries.id, id), like(entries.courtPath, `${dataScopePrefix(actor)}%`)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('失信记录', 'Dishonest-list entry');
  return row;
}
