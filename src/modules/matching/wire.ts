/**
 * The edge between the code's names and the published API's. The matching API, the change feed
 * and the webhook payloads are a fixed contract with the joint-punishment units, published when a
 * punishment was still called a "measure": answers carry `measures: [{ measure, … }]` and changes
 * `measure`. Inside, the code says punishment (GLOSSARY: 信用惩戒措施 → punishment; "measure" is
 * the inquiry module's control measure). These functions are the one place that maps; the
 * schemas in contracts.ts document the wire shapes.
 */
import type { TChanges, TMatchResultWire } from './contracts.ts';
import type { MatchResult, PunishmentView } from './engine/matcher.ts';
import type { ChangePage } from './use-cases/list-changes.ts';

type WireMeasure = TMatchResultWire['measures'][number];

// The answer of every subject with no punishment (serialised, never mutated).
const noMeasures: WireMeasure[] = [];

// The match answers are built with every key present and absent ones left undefined, which
// JSON.stringify omits: one object shape and no spreads on a path that answers 10,000 subjects
// a call, the same bytes on the wire.
function toWireMeasure(p: PunishmentView): WireMeasure {
  return {
    measure: p.punishment,
    behaviours: p.behaviours,
    role: p.role,
    since: p.since,
    until: p.until,
    court: p.court,
    caseNumber: p.caseNumber,
    reference: p.reference,
  };
}

function toWireMeasures(punishments: readonly PunishmentView[]): WireMeasure[] {
  return punishments.length === 0 ? noMeasures : punishments.map(toWireMeasure);
}

/** One subject's answer, in the published field order. */
export function toWireResult(r: MatchResult): TMatchResultWire {
  return {
    subject: r.subject,
    restricted: r.restricted,
    match: r.match,
    score: r.score,
    matchedName: r.matchedName,
    measures: toWireMeasures(r.punishments),
    candidates: r.candidates?.map((c) => ({
      name: c.name,
      score: c.score,
      measures: toWireMeasures(c.punishments),
    })),
    error: r.error,
  };
}

/** A page of the change feed, as `GET /match/changes` answers it and webhooks push it. */
export function toWireChanges(page: ChangePage): TChanges {
  return {
    changes: page.changes.map((c) => ({
      seq: c.seq,
      kind: c.kind,
      measure: c.punishment,
      subject: c.subject,
      ...(c.behaviours ? { behaviours: c.behaviours } : {}),
      role: c.role,
      since: c.since,
      until: c.until,
      court: c.court,
      caseNumber: c.caseNumber,
      reference: c.reference,
      occurredAt: c.occurredAt,
    })),
    next: page.next,
  };
}
