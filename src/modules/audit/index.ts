import { defineModule } from '../../platform/module.ts';
import { sealAudit } from './chain.ts';

export { type AuditEntry, appendAudit } from './append.ts';
export { sealAudit, type VerifyReport, verifyAudit } from './chain.ts';

/**
 * Audit: the append-only, hash-chained record of every write and every read of personal data
 * (docs/decisions/0005-audit-hash-chain.md). Use cases append in their own transactions; the
 * worker seals the records into the chain in commit order, every second.
 */
export const auditModule = defineModule({
  name: 'audit',
  async startWorker(ctx) {
    let isStopped = false;
    let sealing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      if (isStopped) return;
      sealing = sealAudit(ctx.database.sql).catch((err) => ctx.logger.error({ err }, 'audit sealing failed'));
    }, 1000);
    return {
      async stop() {
        isStopped = true;
        clearInterval(timer);
        await sealing;
      },
    };
  },
});
