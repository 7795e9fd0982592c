import type {
  TEntrustmentMatter,
  TEntrustmentState,
  TIndicator,
  TIndicatorCode,
  TSupervisionState,
} from '../../api/command.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Message keys and colours of the command centre's vocabulary, looked up from the server's codes. */
export const indicatorShortKey = (code: TIndicatorCode): MessageKey => `command.indicator.${code}`;
export const matterKey = (matter: TEntrustmentMatter): MessageKey => `command.matter.${matter}`;
export const entrustmentStateKey = (state: TEntrustmentState): MessageKey =>
  `command.entrustment.state.${state}`;
export const supervisionStateKey = (state: TSupervisionState): MessageKey =>
  `command.supervision.state.${state}`;

export const entrustmentStateColor: Record<TEntrustmentState, string> = {
  sent: 'gold',
  accepted: 'processing',
  completed: 'success',
};

export const supervisionStateColor: Record<TSupervisionState, string> = {
  open: 'gold',
  reported: 'processing',
  closed: 'default',
};

const petitionStates = ['open', 'concluded'] as const;
type PetitionState = (typeof petitionStates)[number];
const isPetitionState = (state: string): state is PetitionState => petitionStates.some((s) => s === state);

/** The petition list sends its state as a plain string: name the two it has, show any other as sent. */
export function petitionStateLabel(state: string, t: (key: MessageKey) => string): string {
  return isPetitionState(state) ? t(`command.petition.state.${state}`) : state;
}
export const petitionStateColor = (state: string) => (state === 'concluded' ? 'success' : 'gold');

/** A share as a percentage with one decimal; nothing counted is "—" (neither met nor missed). */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function formatTarget(target: number): string {
  return `≥ ${Math.round(target * 100)}%`;
}

/** Met, missed, or nothing counted — the colour every view of an indicator uses. */
export type IndicatorTone = 'met' | 'missed' | 'none';
export function toneOf(indicator: Pick<TIndicator, 'isMet'>): IndicatorTone {
  return indicator.isMet === null ? 'none' : indicator.isMet ? 'met' : 'missed';
}
export const toneColor: Record<IndicatorTone, string> = {
  met: '#389e0d',
  missed: '#cf1322',
  none: '#8c8c8c',
};

/** An indicator of a list by its code (the server sends all four, in its order). */
export function indicatorOf(list: readonly TIndicator[], code: TIndicatorCode): TIndicator | undefined {
  return list.find((indicator) => indicator.code === code);
}
