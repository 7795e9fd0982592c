import { z } from 'zod';
import {
  ZBankArrivalsNotificationSchema,
  ZBankPaymentAcceptedSchema,
  ZBankPaymentRequestSchema,
  ZBankPaymentResultsNotificationSchema,
  ZBankPaymentSchema,
  ZBankStatementSchema,
  ZBankSubscriptionAnswerSchema,
  ZBankSubscriptionRequestSchema,
} from './contracts.ts';

/**
 * The court bank's part of the simulator's OpenAPI document (src/sim/openapi.ts), and the helpers
 * the SMS gateway's part shares. Paths are under the simulator's root (`/bank/v1/…`), the
 * notifications are OpenAPI 3.1 webhooks.
 */
export type JsonObject = Record<string, unknown>;
export type ApiPart = { schemas: JsonObject; paths: JsonObject; webhooks: JsonObject };

export function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return rest;
}

export const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

export const json = (description: string, schema: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: ref(schema) } },
});

export const jsonBody = (schema: string): JsonObject => ({
  required: true,
  content: { 'application/json': { schema: ref(schema) } },
});

export const failure = (description: string, hasRetryAfter = false): JsonObject => ({
  ...json(description, 'Error'),
  ...(hasRetryAfter
    ? { headers: { 'retry-after': { description: 'seconds to wait', schema: { type: 'integer' } } } }
    : {}),
});

export const UNSIGNED = failure('Signature missing or wrong, or timestamp more than 5 minutes off');

/** Signed as in the inquiry protocol, under the party's code. */
export const signedBy = (code: string, tag: string): JsonObject => ({
  tags: [tag],
  security: [{ institution: [], timestamp: [], signature: [] }],
  'x-zx-institution': code,
});

// The bank and the gateway each have one base URL; the simulator serves them under /bank and /sms.
export const SIM_SERVERS = [
  {
    url: '{sim}',
    description:
      'The simulator; a real bank or gateway has its own base URL in place of {sim}/bank, {sim}/sms',
    variables: { sim: { default: 'http://localhost:8090' } },
  },
];

export function idKeyParameter(field: string): JsonObject {
  return {
    name: 'idempotency-key',
    in: 'header',
    required: true,
    description: `Equal to the body's \`${field}\`: the same id and body always mean the same request`,
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  };
}

export const pathParameter = (name: string): JsonObject => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});

export function describeBankApi(): ApiPart {
  const bank = signedBy('courtbank', 'court bank');
  const schemas: JsonObject = {
    BankSubscriptionRequest: toSchema(ZBankSubscriptionRequestSchema, 'input'),
    BankSubscriptionAnswer: toSchema(ZBankSubscriptionAnswerSchema, 'output'),
    BankPaymentRequest: toSchema(ZBankPaymentRequestSchema, 'input'),
    BankPaymentAccepted: toSchema(ZBankPaymentAcceptedSchema, 'output'),
    BankPayment: toSchema(ZBankPaymentSchema, 'output'),
    BankStatement: toSchema(ZBankStatementSchema, 'output'),
    BankArrivalsNotification: toSchema(ZBankArrivalsNotificationSchema, 'output'),
    BankPaymentResultsNotification: toSchema(ZBankPaymentResultsNotificationSchema, 'output'),
  };
  const paths: JsonObject = {
    '/bank/v1/subscription': {
      servers: SIM_SERVERS,
      put: {
        ...bank,
        operationId: 'bankSubscribe',
        summary: 'Open court accounts (12 digits) and set where notifications go; idempotent',
        requestBody: jsonBody('BankSubscriptionRequest'),
        responses: {
          '200': json('The number of court accounts subscribed in all', 'BankSubscriptionAnswer'),
          '400': failure('Invalid body; `details` names each field'),
          '401': UNSIGNED,
        },
      },
    },
    '/bank/v1/payments': {
      servers: SIM_SERVERS,
      post: {
        ...bank,
        operationId: 'bankPay',
        summary: 'Pay out of a court account; the result follows by notification and polling',
        parameters: [idKeyParameter('instructionId')],
        requestBody: jsonBody('BankPaymentRequest'),
        responses: {
          '202': json('Accepted (also for the same instruction again: paid once)', 'BankPaymentAccepted'),
          '400': failure('Invalid body, or idempotency-key not the instructionId'),
          '401': UNSIGNED,
          '404': failure('`unknownAccount`: fromAccount is not a subscribed court account'),
          '409': failure('The instructionId was used with a different body'),
        },
      },
    },
    '/bank/v1/payments/{instructionId}': {
      servers: SIM_SERVERS,
      get: {
        ...bank,
        operationId: 'bankPollPayment',
        summary: 'A payment: accepted, paid or failed (signed over an empty body)',
        parameters: [pathParameter('instructionId')],
        responses: {
          '200': json('The payment', 'BankPayment'),
          '401': UNSIGNED,
          '404': failure('No such instruction'),
        },
      },
    },
    '/bank/v1/statements': {
      servers: SIM_SERVERS,
      get: {
        ...bank,
        operationId: 'bankStatement',
        summary: 'The statement of a court account for a China date that has ended',
        parameters: [
          { name: 'account', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{12}$' } },
          { name: 'date', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
        ],
        responses: {
          '200': json('Opening and closing balance and the lines of the day', 'BankStatement'),
          '400': failure('Invalid account or date'),
          '401': UNSIGNED,
          '404': failure('`unknownAccount`'),
          '409': failure('`statementNotReady`: the day has not ended yet'),
        },
      },
    },
  };
  const notification = (summary: string, schema: string): JsonObject => ({
    post: {
      tags: ['court bank'],
      summary,
      description:
        'Signed with the bank key as courtbank. At least once and in any order: deduplicate by id, ' +
        'answer 2xx only once recorded.',
      requestBody: jsonBody(schema),
      responses: { '2XX': { description: 'Recorded; anything else is retried with backoff, for ever' } },
    },
  });
  const webhooks: JsonObject = {
    bankArrivals: notification('{notifyBaseUrl}/arrivals: money paid in', 'BankArrivalsNotification'),
    bankPaymentResults: notification(
      '{notifyBaseUrl}/payment-results: payments settled',
      'BankPaymentResultsNotification',
    ),
  };
  return { schemas, paths, webhooks };
}
