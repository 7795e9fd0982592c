import type { Subscriber } from '../../platform/events.ts';

/** The valuation half reacts to no other module's event; its case nodes are a flow (flows/disposal-case-nodes.ts). */
export const valuationSubscribers: readonly Subscriber[] = [];
