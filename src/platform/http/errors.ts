import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
  // Drizzle wraps the driver's error: PostgreSQL's SQLSTATE is on the error or on its cause.
  const pgCode = sqlStateOf(err);
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

/**
 * Errors Fastify meets before a route is found — broken percent-encoding in the path, a path
 * segment longer than any id — answered in the same envelope as every other error.
 */
export function handleFrameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  // No route ran, so no hook set these; the answer is an error, never to be kept or sniffed.
  reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return reply
        .status(400)
        .send(
          body(ErrorCode.invalidInput, bi('网址编码有误', 'Malformed URL (percent-encoding)'), [
            { path: 'url', message: bi('百分号编码无效', 'Invalid percent-encoding') },
          ]),
        );
    // No id of any object is that long: like a malformed id, it names nothing that exists.
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return reply.status(404).send(body(ErrorCode.notFound, bi('没有这个对象', 'No such object')));
  }
  reply.log.error({ err }, 'framework error');
  return reply.status(500).send(body(ErrorCode.internal, bi('系统内部错误', 'Internal error')));
}

function defaultMessageOf(code: ErrorCode): string {
  return new AppError(code).message;
}

/** A client error as Node.js reports it: the bytes of the packet and how far the parser got. */
type ClientError = Error & { code?: string; bytesParsed?: number; rawPacket?: unknown };

/**
 * Node's HTTP parser counts the request line and the headers against one limit, so a URL too
 * long and headers too large are both HPE_HEADER_OVERFLOW. The URL was the culprit if the parser
 * stopped just where it ended, or inside a request line that started in this packet and never
 * ended.
 */
function isUrlTooLong(err: ClientError): boolean {
  const raw = err.rawPacket;
  const at = err.bytesParsed;
  if (!Buffer.isBuffer(raw) || typeof at !== 'number') return false;
  if (raw.subarray(at, at + 6).toString('latin1') === ' HTTP/') return true;
  const before = raw.subarray(0, at);
  return !before.includes('\r\n') && /^[A-Z]{3,7} \//.test(before.subarray(0, 9).toString('latin1'));
}

function clientErrorStatus(err: ClientError): { status: number; code: ErrorCode } {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: ErrorCode.requestTimeout };
  if (err.code === 'HPE_HEADER_OVERFLOW')
    return isUrlTooLong(err)
      ? { status: 414, code: ErrorCode.uriTooLong }
      : { status: 431, code: ErrorCode.headersTooLarge };
  return { status: 400, code: ErrorCode.invalidInput };
}

/**
 * Requests Node's HTTP parser refuses (headers too large, a URL too long, a malformed request,
 * a timeout) never reach Fastify: they are answered on the socket, in the error envelope, and
 * the connection closed.
 */
export function handleClientError(err: ClientError, socket: Socket): void {
  // A reset connection is gone; there is nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code } = clientErrorStatus(err);
  const message =
    code === ErrorCode.invalidInput ? bi('请求格式有误', 'Malformed request') : defaultMessageOf(code);
  const payload = JSON.stringify(body(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${payload}`,
    );
  }
  socket.destroy(err);
}

function sqlStateOf(err: unknown): unknown {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 3; depth++) {
    const code = Reflect.get(e, 'code');
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = Reflect.get(e, 'cause');
  }
  return undefined;
}
