import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { ZBankAckSchema } from './contracts.ts';
import { receiveArrivals, receivePaymentResults } from './use-cases/bank-notifications.ts';
import { createBooker } from './use-cases/booker.ts';

/** The settlement bank's signed notifications (docs/protocols/bank.md): arrivals and payment results. */
export function registerBankNotificationRoutes(app: App, { db, config }: { db: Db; config: Config }): void {
  const tags = ['funds'];
  const errors = errorResponses;
  const booker = createBooker(db, (err, serial) =>
    app.log.error({ err, serial }, 'booking arrival notices failed; the sweep will try again'),
  );
  app.addHook('onClose', () => booker.idle());
  // The bank's notifications: signed over the exact bytes, so the body is kept as received.
  app.register(async (plain) => {
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    const raw = (request: {
      url: string;
      body: unknown;
      headers: Record<string, string | string[] | undefined>;
    }) => ({
      path: request.url,
      rawBody: typeof request.body === 'string' ? request.body : '',
      headers: request.headers,
    });
    scope.post(
      '/api/v1/funds/bank/arrivals',
      {
        config: { access: { kind: 'institutionSignature' } },
        schema: {
          tags,
          summary: '到账通知（银行签名） / Arrival notifications from the bank (signed)',
          response: { 200: ZBankAckSchema, ...errors },
        },
      },
      async (request) => receiveArrivals(db, config, booker, raw(request)),
    );
    scope.post(
      '/api/v1/funds/bank/payment-results',
      {
        config: { access: { kind: 'institutionSignature' } },
        schema: {
          tags,
          summary: '付款结果通知（银行签名） / Payment results from the bank (signed)',
          response: { 200: ZBankAckSchema, ...errors },
        },
      },
      async (request) => receivePaymentResults(db, config, raw(request)),
    );
  });
}
