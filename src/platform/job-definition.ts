import type { z } from 'zod';
import type { Config } from './config.ts';
import { parseCron } from './cron.ts';
import type { Database } from './db.ts';
import type { Logger } from './logging.ts';

/** What a job handler is given. Domain time comes from the one clock (platform/clock.ts). */
export type JobContext = {
  database: Database;
  logger: Logger;
  /** Aborted shortly before the job's expiry or when the runner stops: long handlers stop at a safe point. */
  signal?: AbortSignal;
  /** The deployment's configuration (where the outside parties are: platform/outside-world.ts). */
  config?: Config;
};

export type JobDefinition<P> = {
  /** Dotted: 'credit.expire-terms', 'inquiry.drive-institution'. */
  name: string;
  /** Validated before the handler runs. A scheduled job receives `{ slot: '<ISO instant>' }`. */
  payload: z.ZodType<P>;
  /** Must be idempotent: a job may run again after a crash or an expiry. */
  handle(ctx: JobContext, payload: P): Promise<void>;
  /**
   * Cron in Asia/Shanghai on the one clock; each slot has a deterministic key so two workers never
   * run the same slot twice, and a slot skipped by moving the clock still runs once.
   */
  schedule?: { cron: string };
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /**
   * pg-boss queue policy: `short` keeps at most one waiting job per singleton key (any number may
   * run); `stately` one waiting and one running per key.
   */
  policy?: 'standard' | 'short' | 'stately';
  /** How many jobs of this queue one runner handles at once (default 1). */
  concurrency?: number;
};

// A list of definitions of different payloads; `handle` is a method, so this accepts any of them.
export type AnyJobDefinition = JobDefinition<unknown>;

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(def.name))
    throw new Error(`job name "${def.name}" must be dotted kebab-case`);
  if (def.schedule) parseCron(def.schedule.cron);
  return def;
}
