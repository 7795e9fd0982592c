import type { Outcome } from './measures.ts';

/** What an envelope is built from: the request as accepted. */
export type EnvelopeSource = {
  requestId: string;
  institution: string;
  operation: string;
  acceptedAt: number;
};

const toIso = (ms: number): string => new Date(ms).toISOString();

/**
 * The envelope of docs/protocols/inquiry.md as JSON text — the same bytes for polling and callbacks.
 * Without a result it is the pending envelope (`status: "accepted"`).
 */
export function formatEnvelope(
  source: EnvelopeSource,
  result: Outcome | null,
  answeredAt: number | null,
): string {
  return JSON.stringify({
    requestId: source.requestId,
    institution: source.institution,
    operation: source.operation,
    status: result ? result.status : 'accepted',
    result,
    acceptedAt: toIso(source.acceptedAt),
    answeredAt: answeredAt === null ? null : toIso(answeredAt),
  });
}
