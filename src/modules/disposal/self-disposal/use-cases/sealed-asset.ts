import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db.ts';
import { invalidField } from '../../../../platform/errors.ts';
import { type ControlledAsset, findCaseAsset } from '../../../inquiry/index.ts';
import { conflict } from './self-disposal-store.ts';

/**
 * The asset a good-faith measure is about: one of the case's assets that inquiry has sealed or
 * seized and still holds (the same asset id disposal values and auctions). Anything else is
 * refused naming `assetId` (400).
 */
export async function requireSealedAsset(
  tx: DbOrTx,
  caseId: string,
  assetId: string,
): Promise<ControlledAsset> {
  const asset = await findCaseAsset(tx, caseId, assetId);
  if (!asset || asset.measureKind === null) {
    throw invalidField(
      'assetId',
      '该财产不是本案已查封、扣押的财产',
      'The asset is not one of the case’s sealed or seized assets',
    );
  }
  return asset;
}

/** A self-disposal cannot start on an asset already in an auction that is not over. */
export async function assertNotInAuction(tx: DbOrTx, assetId: string): Promise<void> {
  const open = await tx.execute<{ id: string }>(sql`select l.id from disposal.lots l
    join disposal.lot_bidding b on b.lot_id = l.id
    where l.asset_id = ${assetId}::uuid and b.state in ('announced', 'bidding', 'closed', 'saleOpen')
    limit 1`);
  if (open.length > 0) throw conflict('该财产正在拍卖中', 'The asset is being auctioned', 'assetId');
}
