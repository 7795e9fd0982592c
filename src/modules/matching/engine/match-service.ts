/**
 * The matching service of one process: the index built from the database at start and kept
 * current by polling the change feed by cursor. Several processes each keep their own and give
 * the same answers; a change is visible to all within one poll interval.
 */
import type { Database } from '../../../platform/db.ts';
import type { Logger } from '../../../platform/logging.ts';
import { applyChanges, type IndexState, loadIndexState } from './index-loader.ts';

export type MatchingService = {
  /** The index, once loaded (requests wait for the first load). */
  ready(): Promise<IndexState>;
  /** Applies every change committed so far. */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
};

export function createMatchingService(
  database: Database,
  logger: Logger,
  opts: { pollMs?: number } = {},
): MatchingService {
  const pollMs = opts.pollMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;
  let state: IndexState | null = null;
  // One load or poll at a time: each waits for the one before.
  let queue: Promise<unknown> = Promise.resolve();

  const loading = (async () => {
    const started = Date.now();
    const loaded = await loadIndexState(database.sql);
    state = loaded;
    logger.info(
      { punishments: loaded.index.recordCount, ms: Date.now() - started, cursor: loaded.cursor },
      'matching index loaded',
    );
    return loaded;
  })();
  queue = loading;
  loading.catch((err) => logger.error({ err }, 'matching index failed to load'));

  async function drain(current: IndexState): Promise<void> {
    while ((await applyChanges(database, current)) > 0) {}
  }

  function enqueue(): Promise<void> {
    const run = queue.then(async () => {
      const current = state ?? (await loading);
      await drain(current);
    });
    queue = run.catch(() => {});
    return run;
  }

  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      enqueue()
        .catch((err) =>
          logger.warn({ err: err instanceof Error ? err.message : err }, 'matching index poll failed'),
        )
        .finally(schedule);
    }, pollMs);
    timer.unref();
  };
  loading.then(schedule, () => {});

  return {
    ready: () => loading,
    catchUp: enqueue,
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await queue.catch(() => {});
    },
  };
}
