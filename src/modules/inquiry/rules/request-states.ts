/**
 * The life of one request to an institution. It is written `pending` before anything is sent;
 * `sending` while a driver holds its lease; `accepted` once the institution took it (it holds a
 * concurrency slot until answered); then one of the terminal states.
 */
export const RequestState = {
  pending: 'pending',
  sending: 'sending',
  accepted: 'accepted',
  answered: 'answered',
  failed: 'failed',
  expired: 'expired',
} as const;
export type RequestState = (typeof RequestState)[keyof typeof RequestState];
export const requestStateValues = Object.values(RequestState) as [RequestState, ...RequestState[]];

export const terminalStates: readonly RequestState[] = ['answered', 'failed', 'expired'];

export function isTerminal(state: string): boolean {
  return terminalStates.some((s) => s === state);
}

const transitions: Readonly<Record<RequestState, readonly RequestState[]>> = {
  pending: ['sending'],
  // A lease that runs out (the driver died) lets another driver send again with the same key.
  sending: ['accepted', 'pending', 'sending', 'failed', 'answered'],
  // Poll may find it unknown (the institution lost it): send again with the same key.
  accepted: ['answered', 'expired', 'pending'],
  answered: [],
  // Retried by hand.
  failed: ['pending'],
  expired: ['pending'],
};

export function canMove(from: RequestState, to: RequestState): boolean {
  return transitions[from].includes(to);
}
