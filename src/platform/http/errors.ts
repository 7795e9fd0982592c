import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, bi, ErrorCode, type ErrorDetail, httpStatusOf } from '../errors.ts';
import { describeIssue } from './validation-messages.ts';

export type ErrorBody = { error: { code: string; message: string; details: ErrorDetail[] } };

function body(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

/** The one place where errors become HTTP responses. Client mistakes are 4xx, never 500. */
export function handleError(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return reply.status(httpStatusOf(err.code)).send(body(err.code, err.message, err.details));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const details = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const issue = { ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message };
      return { path: path || where, message: describeIssue(issue as Parameters<typeof describeIssue>[0]) };
    });
    const first = details[0];
    const message = first ? `${first.path}: ${first.message}` : bi('输入有误', 'Invalid input');
    return reply.status(400).send(body(ErrorCode.invalidInput, message, details));
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply
        .status(400)
        .send(
          body(ErrorCode.invalidInput, bi('请求体不是有效的 JSON', 'Request body is not valid JSON'), [
            { path: 'body', message: bi('JSON 格式错误', 'Malformed JSON') },
          ]),
        );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply
        .status(413)
        .send(body(ErrorCode.payloadTooLarge, bi('请求体过大', 'Request body too large')));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply
        .status(415)
        .send(
          body(ErrorCode.unsupportedMediaType, bi('请以 application/json 提交', 'Send application/json')),
        );
    case 'FST_ERR_VALIDATION':
      return reply.status(400).send(body(ErrorCode.invalidInput, bi('输入有误', 'Invalid input')));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.statusCode === 429 ? ErrorCode.tooManyRequests : ErrorCode.invalidInput;
    const message = fe.statusCode === 429 ? bi('请求过于频繁，请稍后再试', 'Too many requests') : fe.message;
    return reply.status(fe.statusCode).send(body(code, message));
  }
  // Invalid byte sequences and other data errors from PostgreSQL are client input too.
  const pgCode = (err as { code?: unknown }).code;
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22001') {
    return reply
      .status(400)
      .send(
        body(ErrorCode.invalidInput, bi('包含无法存储的字符', 'Contains characters that cannot be stored')),
      );
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send(body(ErrorCode.internal, bi('系统内部错误', 'Internal error')));
}
