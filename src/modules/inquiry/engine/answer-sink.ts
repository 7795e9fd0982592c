import type { Database } from '../../../platform/db.ts';
import type { Logger } from '../../../platform/logging.ts';
import { type AnswerOutcome, type IncomingAnswer, recordAnswers } from './answers.ts';

/**
 * Group commit for callbacks: answers that arrive while a group is being written wait and are
 * written together in the next transaction, so the group size follows the load (one answer when
 * idle, hundreds under a batch) and the number of statements per answer falls as load rises. Each
 * callback is acknowledged only after its group is committed. If a group fails, its answers are
 * retried one by one, so one bad answer cannot fail the others.
 */
export type AnswerSink = { submit(answer: IncomingAnswer): Promise<AnswerOutcome> };

type Waiting = { answer: IncomingAnswer; resolve(o: AnswerOutcome): void; reject(err: unknown): void };

export function createAnswerSink(
  database: Database,
  logger: Logger,
  opts: { maxBatch?: number; maxConcurrentGroups?: number } = {},
): AnswerSink {
  const maxBatch = opts.maxBatch ?? 500;
  const maxConcurrent = opts.maxConcurrentGroups ?? 2;
  const queue: Waiting[] = [];
  let running = 0;

  const write = async (group: Waiting[]) => {
    try {
      const outcomes = await recordAnswers(
        database.db,
        group.map((w) => w.answer),
        new Date(),
      );
      for (const [i, w] of group.entries()) w.resolve(outcomes[i] ?? 'unknown');
    } catch (err) {
      logger.warn({ err, size: group.length }, 'answer group failed; recording one by one');
      for (const w of group) {
        try {
          const [outcome] = await recordAnswers(database.db, [w.answer], new Date());
          w.resolve(outcome ?? 'unknown');
        } catch (single) {
          w.reject(single);
        }
      }
    }
  };

  const pump = () => {
    while (running < maxConcurrent && queue.length > 0) {
      const group = queue.splice(0, maxBatch);
      running++;
      void write(group).finally(() => {
        running--;
        pump();
      });
    }
  };

  return {
    submit(answer) {
      return new Promise<AnswerOutcome>((resolve, reject) => {
        queue.push({ answer, resolve, reject });
        // Let the answers of the same tick join the group.
        if (queue.length === 1) setImmediate(pump);
      });
    },
  };
}
