import { clock } from '../../platform/clock.ts';
import type { Sql } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { ZTransparencyQuerySchema, ZTransparencySchema } from './contracts.ts';
import { loadPublicKey, type PublicKeyInfo } from './signing-key.ts';
import { readTransparency } from './use-cases/read-transparency.ts';

/** The public transparency page's API (docs/decisions/0012): no sign-in, limited per address. */
export function registerAuditRoutes(app: App, opts: { sql: Sql; keyFile: string }): void {
  // Read on first use: a server started before the worker made the key finds it later.
  let key: PublicKeyInfo | null = null;
  app.get(
    '/api/v1/audit/transparency',
    {
      config: { access: { kind: 'public' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '审计链每日根与公钥 / The audit chain’s daily roots and its public key',
        security: [],
        querystring: ZTransparencyQuerySchema,
        response: { 200: ZTransparencySchema, 400: ZErrorSchema, 429: ZErrorSchema },
      },
    },
    async (request, reply) => {
      key ??= await loadPublicKey(opts.keyFile);
      reply.header('cache-control', 'no-store');
      return readTransparency(opts.sql, { key, days: request.query.days, today: clock.today() });
    },
  );
}
