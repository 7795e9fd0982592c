import type { TDifference, TReconciliation } from '../../api/funds.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Message keys and colours of the desk's vocabulary, looked up from the codes the server sends. */
export const reconciliationStateKey = (state: TReconciliation['state']): MessageKey =>
  `funds.recon.state.${state}`;

export const reconciliationStateColor: Record<TReconciliation['state'], string> = {
  balanced: 'success',
  differences: 'error',
};

/** `missing`: the bank shows it, our books do not; `extra`: the reverse (rules/reconciliation.ts). */
export const differenceKindKey = (kind: TDifference['kind']): MessageKey => `funds.recon.kind.${kind}`;

export const differenceKindColor: Record<TDifference['kind'], string> = {
  missing: 'orange',
  extra: 'purple',
  amountDiffers: 'red',
};

export const directionKey = (direction: TDifference['direction']): MessageKey =>
  `funds.recon.direction.${direction}`;
