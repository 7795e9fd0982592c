import type { TValuation, TValuationMethod, TValuationState } from '../../../../api/disposal.ts';
import type { MessageKey } from '../../../../i18n/index.ts';

/** Message keys and colours of the valuation vocabulary; Records, so no code is left out. */
const methodKeys: Record<TValuationMethod, MessageKey> = {
  negotiated: 'disposal.method.negotiated',
  directedInquiry: 'disposal.method.directedInquiry',
  onlineInquiry: 'disposal.method.onlineInquiry',
  appraisal: 'disposal.method.appraisal',
};

/** The methods in the order the rule tries them (参考价规定 art. 2). */
export const valuationMethods = Object.keys(methodKeys) as TValuationMethod[];

export const methodKey = (method: TValuationMethod): MessageKey => methodKeys[method];

export const methodHintKey = (method: TValuationMethod): MessageKey => `disposal.methodHint.${method}`;

/** The methods whose price the court records at once: the parties' figure or the authority's answer. */
export function isPricedAtOnce(method: TValuationMethod): method is 'negotiated' | 'directedInquiry' {
  return method === 'negotiated' || method === 'directedInquiry';
}

export const valuationStateKey = (state: TValuationState): MessageKey => `disposal.state.${state}`;

export const valuationStateColor: Record<TValuationState, string> = {
  inquiring: 'processing',
  extended: 'gold',
  drawingLots: 'purple',
  appraising: 'processing',
  priced: 'green',
  failed: 'red',
};

type PlatformState = TValuation['platforms'][number]['state'];

export const platformStateKey = (state: PlatformState): MessageKey => `disposal.platformState.${state}`;

export const platformStateColor: Record<PlatformState, string> = {
  pending: 'default',
  accepted: 'processing',
  reported: 'green',
  failed: 'red',
};

type ObjectionState = TValuation['objections'][number]['state'];

export const objectionStateKey = (state: ObjectionState): MessageKey => `disposal.objection.${state}`;

type AssignmentState = NonNullable<TValuation['appraisal']>['assignments'][number]['state'];

export const assignmentStateKey = (state: AssignmentState): MessageKey => `disposal.assignment.${state}`;

export const roundKey = (round: 'first' | 'second'): MessageKey => `disposal.round.${round}`;

export const measureKey = (kind: 'seal' | 'seize'): MessageKey => `disposal.measure.${kind}`;

const failureKeys: Record<string, MessageKey> = {
  noPlatformReported: 'disposal.failure.noPlatformReported',
  noReportLeft: 'disposal.failure.noReportLeft',
  allReportsSetAside: 'disposal.failure.allReportsSetAside',
  everyAppraiserLate: 'disposal.failure.everyAppraiserLate',
};

/** A reason the server may add later is shown as sent rather than hidden. */
export function failureReasonKey(reason: string): MessageKey | null {
  return failureKeys[reason] ?? null;
}
