import type { TDepositState, TLotState } from '../../api/disposal.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Message keys and colours of the auction's codes; a Record, so no state is left out. */
const lotStateKeys: Record<TLotState, MessageKey> = {
  announced: 'auction.state.announced',
  bidding: 'auction.state.bidding',
  closed: 'auction.state.closed',
  sold: 'auction.state.sold',
  defaulted: 'auction.state.defaulted',
  failed: 'auction.state.failed',
  saleOpen: 'auction.state.saleOpen',
  saleEnded: 'auction.state.saleEnded',
  transferredInLieu: 'auction.state.transferredInLieu',
  released: 'auction.state.released',
};

export const lotStates = Object.keys(lotStateKeys) as TLotState[];

export const lotStateKey = (state: TLotState): MessageKey => lotStateKeys[state];

export const lotStateColor: Record<TLotState, string> = {
  announced: 'blue',
  bidding: 'red',
  closed: 'green',
  sold: 'green',
  defaulted: 'volcano',
  failed: 'default',
  saleOpen: 'gold',
  saleEnded: 'default',
  transferredInLieu: 'purple',
  released: 'default',
};

const depositStateKeys: Record<TDepositState, MessageKey> = {
  requested: 'auction.depositState.requested',
  held: 'auction.depositState.held',
  refused: 'auction.depositState.refused',
  releasing: 'auction.depositState.releasing',
  released: 'auction.depositState.released',
  capturing: 'auction.depositState.capturing',
  captured: 'auction.depositState.captured',
};

export const depositStateKey = (state: TDepositState): MessageKey => depositStateKeys[state];

export const depositStateColor: Record<TDepositState, string> = {
  requested: 'processing',
  held: 'blue',
  refused: 'error',
  releasing: 'default',
  released: 'default',
  capturing: 'gold',
  captured: 'green',
};

/** Asset types a lot may be of (inquiry's asset types that can be sold at auction). */
const assetTypeKeys: Record<string, MessageKey> = {
  realEstate: 'assetType.realEstate',
  vehicle: 'assetType.vehicle',
  ship: 'assetType.ship',
  equity: 'assetType.equity',
  securities: 'assetType.securities',
};

export const lotAssetTypes = Object.keys(assetTypeKeys);

/** A type the server may add later is shown as sent rather than hidden. */
export function assetTypeKey(type: string): MessageKey | null {
  return assetTypeKeys[type] ?? null;
}
