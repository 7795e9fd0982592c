import {
  type ApiPart,
  failure,
  idKeyParameter,
  json,
  jsonBody,
  pathParameter,
  SIM_SERVERS,
  signedBy,
  toSchema,
  UNSIGNED,
} from '../bank/openapi.ts';
import { ZDetentionOrderRequestSchema, ZPoliceOrderSchema, ZReleaseOrderRequestSchema } from './contracts.ts';

/** Public security's part of the simulator's OpenAPI document (src/sim/openapi.ts). */
export function describePoliceApi(): ApiPart {
  const police = signedBy('police', 'Public security');
  const orderAnswers = {
    '200': json(
      'Answered: the order as public security holds it (also for the same order again)',
      'PoliceOrder',
    ),
    '202': json(
      'Accepted, not answered yet (`status: pending`): send the same order again later',
      'PoliceOrder',
    ),
    '401': UNSIGNED,
    '409': failure('The requestId was used with a different body'),
    '503': failure('Unavailable; nothing kept, send again with the same id', true),
  };
  return {
    schemas: {
      DetentionOrderRequest: toSchema(ZDetentionOrderRequestSchema, 'input'),
      ReleaseOrderRequest: toSchema(ZReleaseOrderRequestSchema, 'input'),
      PoliceOrder: toSchema(ZPoliceOrderSchema, 'output'),
    },
    paths: {
      '/police/v1/detention-orders': {
        servers: SIM_SERVERS,
        post: {
          ...police,
          operationId: 'policeDetain',
          summary: 'Hand a detained person to public security for custody (CPL art. 118)',
          parameters: [idKeyParameter('requestId')],
          requestBody: jsonBody('DetentionOrderRequest'),
          responses: {
            ...orderAnswers,
            '400': failure('Invalid body, or idempotency-key not the requestId'),
          },
        },
      },
      '/police/v1/release-orders': {
        servers: SIM_SERVERS,
        post: {
          ...police,
          operationId: 'policeRelease',
          summary: 'Release a detained person early on the court’s decision (CPL-I art. 182)',
          parameters: [idKeyParameter('requestId')],
          requestBody: jsonBody('ReleaseOrderRequest'),
          responses: {
            ...orderAnswers,
            '400': failure(
              'Invalid body, idempotency-key not the requestId, or an unknown detentionRequestId',
            ),
          },
        },
      },
      '/police/v1/orders/{requestId}': {
        servers: SIM_SERVERS,
        get: {
          ...police,
          operationId: 'policePollOrder',
          summary: 'An order and its answer (signed over an empty body)',
          parameters: [pathParameter('requestId')],
          responses: {
            '200': json('The order', 'PoliceOrder'),
            '401': UNSIGNED,
            '404': failure('No such order'),
          },
        },
      },
    },
    webhooks: {},
  };
}
