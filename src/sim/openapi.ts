import { z } from 'zod';
import { describeBankApi } from './bank/openapi.ts';
import {
  BODY_SCHEMAS,
  RESULT_SCHEMAS,
  ZAcceptedSchema,
  ZEnvelopeSchema,
  ZErrorSchema,
  ZRejectedResultSchema,
} from './contracts.ts';
import { describePoliceApi } from './police/openapi.ts';
import { describeSmsApi } from './sms/openapi.ts';
import { OPERATIONS } from './types.ts';

/**
 * The OpenAPI 3.1 description of the institution-facing API (what a bank or registry implements),
 * of the court bank and of the SMS gateway, generated from the same Zod schemas the simulator
 * validates with. Served at `GET /openapi.json`; the prose is docs/protocols/{inquiry,bank,sms}.md.
 */
type JsonObject = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return rest;
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const BODY_RULES: Record<string, string> = {
  freeze: 'Exactly one of `amountFen` and `wholeAccount`.',
  renew: 'Exactly one of `freezeId` and `sealId`.',
};

function errorResponse(description: string, hasRetryAfter = false): JsonObject {
  return {
    description,
    ...(hasRetryAfter
      ? { headers: { 'retry-after': { description: 'seconds to wait', schema: { type: 'integer' } } } }
      : {}),
    content: { 'application/json': { schema: ref('Error') } },
  };
}

const SIGNED = [{ institution: [], timestamp: [], signature: [] }];

function submitOperation(operation: string): JsonObject {
  const name = capitalise(operation);
  return {
    operationId: `submit${name}`,
    summary: `Submit a ${operation} request`,
    description: BODY_RULES[operation] ?? undefined,
    security: SIGNED,
    parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
    requestBody: { required: true, content: { 'application/json': { schema: ref(`${name}Request`) } } },
    responses: {
      '202': {
        description: 'Accepted; the answer follows by callback and polling',
        content: { 'application/json': { schema: ref('Accepted') } },
      },
      '200': {
        description: 'The same idempotency key and body again: the same request',
        content: { 'application/json': { schema: ref('Accepted') } },
      },
      '400': errorResponse('Invalid body or idempotency key; `details` names each field'),
      '401': errorResponse('Signature missing or wrong, or timestamp more than 5 minutes off'),
      '404': errorResponse('Unknown institution, or an operation it does not offer'),
      '409': errorResponse('The idempotency key was used with a different body'),
      '429': errorResponse('Rate limit, or too many requests in process', true),
      '500': errorResponse('Fault at the institution; nothing was recorded, retry with the same key'),
      '503': errorResponse('Maintenance window', true),
    },
    callbacks: {
      answer: {
        '{$request.body#/callbackUrl}': {
          post: {
            summary:
              'The answer, pushed to the callback URL (signed with the institution key, plus x-zx-callback-id)',
            requestBody: { content: { 'application/json': { schema: ref('Envelope') } } },
            responses: { '2XX': { description: 'Acknowledged; anything else is retried with backoff' } },
          },
        },
      },
    },
  };
}

let cached: JsonObject | undefined;

export function buildOpenApiDocument(): JsonObject {
  if (cached) return cached;
  const schemas: JsonObject = {
    Accepted: toSchema(ZAcceptedSchema, 'output'),
    Envelope: toSchema(ZEnvelopeSchema, 'output'),
    Error: toSchema(ZErrorSchema, 'output'),
    RejectedResult: toSchema(ZRejectedResultSchema, 'output'),
  };
  const paths: JsonObject = {};
  for (const operation of OPERATIONS) {
    const name = capitalise(operation);
    schemas[`${name}Request`] = toSchema(BODY_SCHEMAS[operation], 'input');
    schemas[`${name}Result`] = toSchema(RESULT_SCHEMAS[operation], 'output');
    paths[`/v1/${operation}`] = { post: submitOperation(operation) };
  }
  paths['/v1/requests/{requestId}'] = {
    get: {
      operationId: 'pollRequest',
      summary: 'Poll a request (signed over an empty body)',
      security: SIGNED,
      parameters: [{ name: 'requestId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description:
            "`status` is `accepted` until answered; then `result` is the operation's result or RejectedResult",
          content: { 'application/json': { schema: ref('Envelope') } },
        },
        '401': errorResponse('Signature missing or wrong'),
        '404': errorResponse('No such request at this institution'),
        '503': errorResponse('Maintenance window', true),
      },
    },
  };
  const bank = describeBankApi();
  const sms = describeSmsApi();
  const police = describePoliceApi();
  Object.assign(schemas, bank.schemas, sms.schemas, police.schemas);
  Object.assign(paths, bank.paths, sms.paths, police.paths);
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Inquiry and control protocol — institution side (网络执行查控协议)',
      version: '1.0.0',
      description:
        'What a bank, registry or platform implements so that Zhixing can query and control assets. ' +
        'Every request is signed: x-zx-signature = hex HMAC-SHA256(key, METHOD\\npath\\ntimestamp\\nsha256hex(body)). ' +
        'See docs/protocols/inquiry.md. The court bank (/bank/v1/…, docs/protocols/bank.md) and the SMS gateway ' +
        '(/sms/v1/…, docs/protocols/sms.md) are signed the same way.',
    },
    servers: [
      {
        url: '{base}',
        description:
          'Each institution has its own base URL; the simulator serves them all under /institutions/{code}',
        variables: { base: { default: 'http://localhost:8090/institutions/icbc' } },
      },
    ],
    paths,
    webhooks: { ...bank.webhooks, ...sms.webhooks },
    components: {
      schemas,
      parameters: {
        IdempotencyKey: {
          name: 'idempotency-key',
          in: 'header',
          required: true,
          description:
            "The caller's request id (1–200 characters); the same key and body always mean the same request",
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      securitySchemes: {
        institution: {
          type: 'apiKey',
          in: 'header',
          name: 'x-zx-institution',
          description: 'the institution code',
        },
        timestamp: { type: 'apiKey', in: 'header', name: 'x-zx-timestamp', description: 'unix milliseconds' },
        signature: {
          type: 'apiKey',
          in: 'header',
          name: 'x-zx-signature',
          description: 'hex HMAC-SHA256, see above',
        },
      },
    },
  };
  return cached;
}
