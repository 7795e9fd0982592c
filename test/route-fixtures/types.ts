import type { CourtKey, World } from './world.ts';

/** One valid request of an operation: what the schema alone cannot supply. */
export type ValidRequest = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** The body; left out, it is made from the operation's schema. */
  body?: unknown;
  /** A body sent as it is (signed bytes), not as JSON made from `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The case the request acts on (routes declaring `case` access). */
  caseId?: string;
  /** The court the request names (routes declaring `court` access). */
  courtId?: string;
  /**
   * The body field that names the case or court, when not the path: refused as unknown there, it
   * may be a 400 naming this field rather than a 404.
   */
  namedBy?: string;
  /** The users the thing in the path is addressed to (routes declaring `addressee` access). */
  addressees?: string[];
  /** Who makes the request in the input test, when not the first principal the access allows. */
  as?: string;
};

export type RouteFixture = {
  /**
   * Makes a valid request on a case of `court` (or, for routes without a case, on the court's
   * side of the organisation). Called afresh for each use: objects a request uses up (an entry
   * approved, a case closed) are made new each time.
   */
  build(world: World, court: CourtKey): Promise<ValidRequest>;
  /** Signing out ends the caller's session: the matrix sends it after everything else. */
  isSessionEnding?: boolean;
};

/** `POST /api/v1/cases/{id}/nodes`: how the OpenAPI document names an operation. */
export type OperationKey = string;
