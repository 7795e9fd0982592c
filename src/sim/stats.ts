/** Counters for tests and benchmarks (`GET /sim/stats`). Plain increments: nothing heavy per request. */

export const SUBMISSION_OUTCOMES = [
  'accepted',
  'replayed',
  'conflict',
  'invalid',
  'unauthenticated',
  'notFound',
  'rateLimited',
  'busy',
  'maintenance',
  'fault',
] as const;
export type SubmissionOutcome = (typeof SUBMISSION_OUTCOMES)[number];

export const CALLBACK_EVENTS = ['attempt', 'delivered', 'retry', 'failed', 'malformed', 'duplicate'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

export type InstitutionCounters = {
  submissions: number;
  accepted: number;
  answered: number;
  dropped: number;
};

export type StatsCounters = {
  submissions: { total: number; byOutcome: Record<SubmissionOutcome, number> };
  answers: { total: number; byStatus: Record<string, number>; byOperation: Record<string, number> };
  polls: number;
  callbacks: Record<CallbackEvent, number>;
  /** Waiting seals that became effective because the one before them was released or lapsed. */
  promotions: number;
  byInstitution: Record<string, InstitutionCounters>;
};

export type Stats = {
  submission(institution: string | undefined, outcome: SubmissionOutcome): void;
  dropped(institution: string): void;
  answer(institution: string, operation: string, status: string): void;
  poll(): void;
  callback(event: CallbackEvent): void;
  promotion(): void;
  snapshot(): StatsCounters;
};

export function createStats(institutions: readonly string[]): Stats {
  const byOutcome: Record<SubmissionOutcome, number> = {
    accepted: 0,
    replayed: 0,
    conflict: 0,
    invalid: 0,
    unauthenticated: 0,
    notFound: 0,
    rateLimited: 0,
    busy: 0,
    maintenance: 0,
    fault: 0,
  };
  const callbacks: Record<CallbackEvent, number> = {
    attempt: 0,
    delivered: 0,
    retry: 0,
    failed: 0,
    malformed: 0,
    duplicate: 0,
  };
  const byStatus: Record<string, number> = {};
  const byOperation: Record<string, number> = {};
  const byInstitution = new Map<string, InstitutionCounters>(
    institutions.map((code) => [code, { submissions: 0, accepted: 0, answered: 0, dropped: 0 }]),
  );
  let submissions = 0;
  let answers = 0;
  let polls = 0;
  let promotions = 0;
  return {
    submission(institution, outcome) {
      submissions++;
      byOutcome[outcome]++;
      const counters = institution === undefined ? undefined : byInstitution.get(institution);
      if (!counters) return;
      counters.submissions++;
      if (outcome === 'accepted') counters.accepted++;
    },
    dropped(institution) {
      const counters = byInstitution.get(institution);
      if (counters) counters.dropped++;
    },
    answer(institution, operation, status) {
      answers++;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      byOperation[operation] = (byOperation[operation] ?? 0) + 1;
      const counters = byInstitution.get(institution);
      if (counters) counters.answered++;
    },
    poll() {
      polls++;
    },
    callback(event) {
      callbacks[event]++;
    },
    promotion() {
      promotions++;
    },
    snapshot() {
      return {
        submissions: { total: submissions, byOutcome: { ...byOutcome } },
        answers: { total: answers, byStatus: { ...byStatus }, byOperation: { ...byOperation } },
        polls,
        callbacks: { ...callbacks },
        promotions,
        byInstitution: Object.fromEntries([...byInstitution].map(([code, c]) => [code, { ...c }])),
      };
    },
  };
}
