import { clock } from '../../platform/clock.ts';
import type { Sql } from '../../platform/db.ts';
import type { Logger } from '../../platform/logging.ts';
import type { Stoppable } from '../../platform/module.ts';
import { sealAudit } from './seal.ts';
import type { SigningKey } from './signing-key.ts';
import { writeCheckpoint } from './use-cases/write-checkpoint.ts';

/**
 * The worker's audit work: seal every second, and sign a checkpoint of the head every
 * `checkpointEveryMs` (at least once a minute, docs/decisions/0012) and once more when stopping,
 * so that a stopped system's newest records are covered too. A round is skipped while the last
 * one runs.
 */
export function startSealing(opts: {
  sql: Sql;
  key: SigningKey;
  checkpointFile: string;
  logger: Logger;
  sealEveryMs?: number;
  checkpointEveryMs?: number;
}): Stoppable {
  const checkpointEveryMs = opts.checkpointEveryMs ?? 10_000;
  let lastCheckpointAt = 0;
  let isStopped = false;
  let running: Promise<void> | null = null;
  const runRound = async (isFinal: boolean) => {
    await sealAudit(opts.sql);
    // Machine time: how long since the last checkpoint, whatever the demo clock says.
    if (!isFinal && Date.now() - lastCheckpointAt < checkpointEveryMs) return;
    lastCheckpointAt = Date.now();
    const written = await writeCheckpoint(opts.sql, {
      key: opts.key,
      file: opts.checkpointFile,
      now: clock.now(),
    });
    if (written) opts.logger.debug({ chainSeq: written.chainSeq }, 'audit checkpoint signed');
  };
  const round = (isFinal: boolean) =>
    runRound(isFinal).catch((err) => opts.logger.error({ err }, 'audit sealing or checkpoint failed'));
  const timer = setInterval(() => {
    if (isStopped || running) return;
    running = round(false).finally(() => {
      running = null;
    });
  }, opts.sealEveryMs ?? 1000);
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await running;
      await round(true);
    },
  };
}
