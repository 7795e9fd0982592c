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
import { ZSmsAcceptedSchema, ZSmsMessageRequestSchema, ZSmsMessageSchema } from './contracts.ts';

/** The SMS gateway's part of the simulator's OpenAPI document (src/sim/openapi.ts). */
export function describeSmsApi(): ApiPart {
  const sms = signedBy('smsgw', 'SMS gateway');
  return {
    schemas: {
      SmsMessageRequest: toSchema(ZSmsMessageRequestSchema, 'input'),
      SmsAccepted: toSchema(ZSmsAcceptedSchema, 'output'),
      SmsMessage: toSchema(ZSmsMessageSchema, 'output'),
    },
    paths: {
      '/sms/v1/messages': {
        servers: SIM_SERVERS,
        post: {
          ...sms,
          operationId: 'smsSend',
          summary: 'Send a text message to a mainland mobile number',
          parameters: [idKeyParameter('messageId')],
          requestBody: jsonBody('SmsMessageRequest'),
          responses: {
            '202': json('Accepted (also for the same message again: sent once)', 'SmsAccepted'),
            '400': failure('Invalid body, or idempotency-key not the messageId'),
            '401': UNSIGNED,
            '409': failure('The messageId was used with a different body'),
            '503': failure('Gateway unavailable; nothing kept, send again with the same id', true),
          },
        },
      },
      '/sms/v1/messages/{messageId}': {
        servers: SIM_SERVERS,
        get: {
          ...sms,
          operationId: 'smsPollMessage',
          summary: 'A message and when it was delivered (signed over an empty body)',
          parameters: [pathParameter('messageId')],
          responses: {
            '200': json('The message', 'SmsMessage'),
            '401': UNSIGNED,
            '404': failure('No such message'),
          },
        },
      },
    },
    webhooks: {},
  };
}
