/**
 * One error type for the whole system. A use case throws `new AppError(code, …)`;
 * the HTTP layer maps the code to a status in one place (`httpStatusOf`) and renders
 * `{"error": {"code", "message", "details": [{"path", "message"}]}}`.
 * Messages are bilingual: Chinese first, then English, separated by " / ".
 */
export const ErrorCode = {
  invalidInput: 'INVALID_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  preconditionFailed: 'PRECONDITION_FAILED',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  requestTimeout: 'REQUEST_TIMEOUT',
  uriTooLong: 'URI_TOO_LONG',
  headersTooLarge: 'HEADERS_TOO_LARGE',
  unavailable: 'UNAVAILABLE',
  internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type ErrorDetail = { path: string; message: string };

const statusByCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_TIMEOUT: 408,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const defaultMessage: Record<ErrorCode, string> = {
  INVALID_INPUT: '输入有误 / Invalid input',
  UNAUTHENTICATED: '请先登录 / Sign-in required',
  FORBIDDEN: '无权执行此操作 / Not permitted',
  NOT_FOUND: '未找到 / Not found',
  CONFLICT: '与当前状态冲突 / Conflicts with the current state',
  PRECONDITION_FAILED: '条件不满足 / Preconditions not met',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试 / Too many requests, try again later',
  PAYLOAD_TOO_LARGE: '请求体过大 / Request body too large',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型 / Unsupported content type',
  REQUEST_TIMEOUT: '请求超时 / Request timed out',
  URI_TOO_LONG: '网址过长 / URL too long',
  HEADERS_TOO_LARGE: '请求头过大 / Request headers too large',
  UNAVAILABLE: '服务暂不可用 / Service unavailable',
  INTERNAL: '系统内部错误 / Internal error',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  constructor(code: ErrorCode, message?: string, details: ErrorDetail[] = []) {
    super(message ?? defaultMessage[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code];
}

/** A bilingual message: `bi('身份证号校验位错误', 'ID number check digit is wrong')`. */
export function bi(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** Shorthand for a 400 naming one field. */
export function invalidField(path: string, zh: string, en: string): AppError {
  const message = bi(zh, en);
  return new AppError(ErrorCode.invalidInput, message, [{ path, message }]);
}

export function notFound(zhWhat = '对象', enWhat = 'Object'): AppError {
  return new AppError(ErrorCode.notFound, bi(`${zhWhat}不存在`, `${enWhat} not found`));
}
