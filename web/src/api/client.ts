/**
 * The one fetch client. Same origin, session cookie; every write carries the CSRF header the
 * server requires for cookie-authenticated requests. Errors become `ApiError` with the server's
 * bilingual message and field details.
 */
export type ErrorDetail = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly url: string;
  constructor(options: {
    status: number;
    code: string;
    message: string;
    details: ErrorDetail[];
    url: string;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
    this.url = options.url;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

type RequestOptions = {
  method?: Method;
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /**
   * A credential other than the staff session (the party portal's token): sent as these headers,
   * and the session cookie is then left out of the request.
   */
  credentialHeaders?: Record<string, string>;
  /** What the answer may be; JSON unless a file is asked for. */
  accept?: string;
};

const csrfHeader = 'x-zhixing-csrf';

const fallbackMessageByStatus: Record<number, string> = {
  0: '无法连接服务器，请检查网络 / Cannot reach the server, check the network',
  400: '输入有误 / Invalid input',
  401: '请先登录 / Sign-in required',
  403: '无权执行此操作 / Not permitted',
  404: '未找到 / Not found',
  409: '与当前状态冲突 / Conflicts with the current state',
  429: '请求过于频繁，请稍后再试 / Too many requests, try again later',
  502: '服务暂不可用 / Service unavailable',
  503: '服务暂不可用 / Service unavailable',
};

function buildUrl(path: string, query: QueryParams | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.message === 'string'
      ? [{ path: typeof item.path === 'string' ? item.path : '', message: item.message }]
      : [],
  );
}

async function toApiError(response: Response, url: string): Promise<ApiError> {
  const fallback =
    fallbackMessageByStatus[response.status] ??
    `请求失败（${response.status}） / Request failed (${response.status})`;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  return new ApiError({
    status: response.status,
    code: error && typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
    message: error && typeof error.message === 'string' ? error.message : fallback,
    details: error ? readDetails(error.details) : [],
    url,
  });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const url = buildUrl(path, options.query);
  const headers: Record<string, string> = {
    accept: options.accept ?? 'application/json',
    ...options.credentialHeaders,
  };
  if (method !== 'GET') headers[csrfHeader] = '1';
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: options.credentialHeaders ? 'omit' : 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: fallbackMessageByStatus[0] ?? '',
      details: [],
      url,
    });
  }
  if (!response.ok) throw await toApiError(response, url);
  return response;
}

/** A request whose answer is a JSON body of the documented shape `T` (the server's contract). */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const data: T = await response.json();
  return data;
}

/** A request answered with no body (204) or a body the caller does not need. */
export async function requestVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** A file the server answered with: its bytes and the name its `Content-Disposition` gives. */
export type DownloadedFile = { blob: Blob; fileName: string };

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name: the plain one, or the fallback.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * A file (Word, PDF, ZIP) fetched with the same credential as any request, so that a refusal
 * comes back as an `ApiError` the page can show instead of a browser error page.
 */
export async function requestFile(
  path: string,
  options: RequestOptions & { fallbackName: string },
): Promise<DownloadedFile> {
  const response = await send(path, { ...options, accept: options.accept ?? '*/*' });
  return { blob: await response.blob(), fileName: fileNameOf(response, options.fallbackName) };
}
