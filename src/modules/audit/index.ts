import { defineModule } from '../../platform/module.ts';
import { registerAuditRoutes } from './routes.ts';
import { startSealing } from './sealing-loop.ts';
import { loadOrCreateSigningKey } from './signing-key.ts';

export type { Anchor, CheckpointSources } from './anchor.ts';
export { type AuditEntry, appendAudit } from './append.ts';
// The chain's algorithm, published: anyone may recompute it (and the tests play an owner who does).
export { canonicalColumns, chainHash, genesisHash } from './chain.ts';
export { type Checkpoint, checkpointMessage } from './checkpoint.ts';
export { sealAudit } from './seal.ts';
export { loadOrCreateSigningKey, type SigningKey } from './signing-key.ts';
export { writeCheckpoint } from './use-cases/write-checkpoint.ts';
export { type VerifyProblem, type VerifyReport, verifyAudit } from './verify.ts';

/**
 * Audit: the append-only, hash-chained record of every write and every read of personal data
 * (docs/decisions/0005-audit-hash-chain.md), which the database's owner cannot rewrite unseen
 * (docs/decisions/0012-audit-that-owners-cannot-rewrite.md). Use cases append in their own
 * transactions; the worker seals the records into the chain in commit order every second and
 * signs checkpoints of its head with a key kept outside the database; the public transparency
 * page shows the daily roots.
 */
export const auditModule = defineModule({
  name: 'audit',
  routes(app, ctx) {
    registerAuditRoutes(app, { sql: ctx.database.sql, keyFile: ctx.config.auditKeyFile });
  },
  async startWorker(ctx) {
    const key = await loadOrCreateSigningKey(ctx.config.auditKeyFile);
    return startSealing({
      sql: ctx.database.sql,
      key,
      checkpointFile: ctx.config.auditCheckpointFile,
      logger: ctx.logger,
    });
  },
});
