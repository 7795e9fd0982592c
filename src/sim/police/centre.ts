import { createRandom, deriveSeed } from '../../demo/random.ts';
import { addCalendarDays, chinaDateOf, compareIsoDates } from '../../kernel/index.ts';
import type { SimClock } from '../clock.ts';
import type {
  TDetentionOrderRequest,
  TPoliceKnobs,
  TPoliceOrder,
  TReleaseOrderRequest,
} from './contracts.ts';

/**
 * The simulated detention centre of public security (docs/protocols/public-security.md §6). An
 * order is kept once per request id and answered `latencyMs` of simulated time after it arrived:
 * a detention order is admitted at the place the court named, from that day for its days, or —
 * as the refusal knob draws, deterministically from (seed, request id) — refused with a reason; an
 * early-release order releases a person in custody that day, and is refused for anyone not in
 * custody then. Answers are worked out when first asked for after their instant, so nothing runs
 * in the background; nothing is journaled: a centre restarted empty answers a resent detention
 * order the same way (the day of admission aside).
 */
export type PoliceOptions = { knobs?: Partial<TPoliceKnobs> };

export const DEFAULT_POLICE_KNOBS: TPoliceKnobs = { refusalRate: 0, latencyMs: 0, failureRate: 0 };

export type PoliceDeps = PoliceOptions & { seed: number; clock: SimClock };

export type SubmitOutcome =
  | { kind: 'kept'; order: TPoliceOrder }
  | { kind: 'conflict' }
  | { kind: 'unavailable' }
  /** A release order naming a detention order the centre does not hold. */
  | { kind: 'unknownDetention' };

export type DetentionCentre = {
  detain(request: TDetentionOrderRequest, bodyHash: string): SubmitOutcome;
  release(request: TReleaseOrderRequest, bodyHash: string): SubmitOutcome;
  find(requestId: string): TPoliceOrder | undefined;
  /** Every order, oldest first. */
  overview(): { items: TPoliceOrder[] };
  knobs(): TPoliceKnobs;
  patchKnobs(patch: Partial<TPoliceKnobs>): TPoliceKnobs;
};

const REFUSALS = [
  '被拘留人患有严重疾病，不宜羁押 / Unfit for custody: serious illness',
  '被拘留人系怀孕或者正在哺乳自己婴儿的妇女 / A pregnant or nursing woman is not held',
  '拘留所已满员，请另行指定拘留场所 / The detention centre is full: name another place',
];

type Detention = {
  kind: 'detention';
  request: TDetentionOrderRequest;
  bodyHash: string;
  acceptedAt: number;
  answerAt: number;
  refusal: string | null;
  releasedOn: string | null;
};

type Release = {
  kind: 'release';
  request: TReleaseOrderRequest;
  bodyHash: string;
  acceptedAt: number;
  answerAt: number;
  /** Worked out once, at the answer's instant. */
  outcome: { releasedOn: string } | { refusal: string } | null;
};

type Order = Detention | Release;

export function createDetentionCentre(deps: PoliceDeps): DetentionCentre {
  const orders = new Map<string, Order>();
  const ordered: Order[] = [];
  let knobs: TPoliceKnobs = { ...DEFAULT_POLICE_KNOBS, ...deps.knobs };
  const failures = createRandom(deriveSeed(deps.seed, 'police-failures'));

  const isAnswered = (o: Order) => deps.clock.now() >= o.answerAt;
  const startOf = (d: Detention) => chinaDateOf(d.answerAt);
  const endOf = (d: Detention) => addCalendarDays(startOf(d), d.request.days - 1);

  /** A release is settled at its instant against the detention as it stood then. */
  const settle = (r: Release): void => {
    if (r.outcome !== null || !isAnswered(r)) return;
    const on = chinaDateOf(r.answerAt);
    const d = orders.get(r.request.detentionRequestId);
    if (d?.kind !== 'detention' || d.answerAt > r.answerAt || d.refusal !== null) {
      r.outcome = { refusal: '被拘留人未在本所羁押 / The person is not held here' };
    } else if (d.releasedOn !== null) {
      r.outcome = { refusal: `已于${d.releasedOn}解除拘留 / Already released on ${d.releasedOn}` };
    } else if (compareIsoDates(on, endOf(d)) > 0) {
      r.outcome = { refusal: `拘留期限已于${endOf(d)}届满 / The detention ended on ${endOf(d)}` };
    } else {
      d.releasedOn = on;
      r.outcome = { releasedOn: on };
    }
  };

  const view = (o: Order): TPoliceOrder => {
    const base = { requestId: o.request.requestId, acceptedAt: new Date(o.acceptedAt).toISOString() };
    if (!isAnswered(o)) return { ...base, kind: o.kind, status: 'pending' };
    const answeredAt = new Date(o.answerAt).toISOString();
    if (o.kind === 'detention') {
      if (o.refusal !== null)
        return { ...base, kind: 'detention', status: 'refused', reason: o.refusal, answeredAt };
      return {
        ...base,
        kind: 'detention',
        status: 'admitted',
        place: o.request.place,
        startDate: startOf(o),
        endDate: endOf(o),
        ...(o.releasedOn !== null && { releasedOn: o.releasedOn }),
        answeredAt,
      };
    }
    settle(o);
    const outcome = o.outcome;
    if (outcome === null || 'refusal' in outcome) {
      return { ...base, kind: 'release', status: 'refused', reason: outcome?.refusal ?? '', answeredAt };
    }
    return { ...base, kind: 'release', status: 'released', releasedOn: outcome.releasedOn, answeredAt };
  };

  /** Releases due before `now` are settled in the order they arrived, before anything is read. */
  const settleAll = (): void => {
    for (const o of ordered) if (o.kind === 'release') settle(o);
  };

  const keep = (o: Order): SubmitOutcome => {
    orders.set(o.request.requestId, o);
    ordered.push(o);
    return { kind: 'kept', order: view(o) };
  };

  const existing = (requestId: string, bodyHash: string): SubmitOutcome | undefined => {
    const found = orders.get(requestId);
    if (!found) return undefined;
    settleAll();
    return found.bodyHash === bodyHash ? { kind: 'kept', order: view(found) } : { kind: 'conflict' };
  };

  const isFailing = () => knobs.failureRate > 0 && failures.next() < knobs.failureRate;

  return {
    detain(request, bodyHash) {
      const again = existing(request.requestId, bodyHash);
      if (again) return again;
      if (isFailing()) return { kind: 'unavailable' };
      const now = deps.clock.now();
      // The verdict is a function of the request id: a restarted centre answers a resent order alike.
      const draw = createRandom(deriveSeed(deps.seed, 'police', request.requestId));
      const isRefused = draw.next() < knobs.refusalRate;
      return keep({
        kind: 'detention',
        request,
        bodyHash,
        acceptedAt: now,
        answerAt: now + knobs.latencyMs,
        refusal: isRefused ? draw.pick(REFUSALS) : null,
        releasedOn: null,
      });
    },

    release(request, bodyHash) {
      const again = existing(request.requestId, bodyHash);
      if (again) return again;
      if (orders.get(request.detentionRequestId)?.kind !== 'detention') return { kind: 'unknownDetention' };
      if (isFailing()) return { kind: 'unavailable' };
      settleAll();
      const now = deps.clock.now();
      return keep({
        kind: 'release',
        request,
        bodyHash,
        acceptedAt: now,
        answerAt: now + knobs.latencyMs,
        outcome: null,
      });
    },

    find(requestId) {
      const found = orders.get(requestId);
      if (!found) return undefined;
      settleAll();
      return view(found);
    },

    overview() {
      settleAll();
      return { items: ordered.map(view) };
    },

    knobs: () => knobs,
    patchKnobs(patch) {
      knobs = { ...knobs, ...patch };
      return knobs;
    },
  };
}
