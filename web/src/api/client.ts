import type { Bilingual } from '../i18n/i18n';

/** A citation as the API renders it: `{ article, paragraph?, item?, label, href }`. */
export interface ApiCitation {
  instrument?: string;
  article: number;
  paragraph?: number;
  item?: number;
  label: Bilingual;
  href: string;
}

export interface ApiFieldIssue {
  field: string;
  rule: string;
  message: Bilingual;
  row?: number;
  citation?: ApiCitation;
}

/** The API's error body: `{ code, message, messages, citation?, errors? }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  messages: Bilingual;
  citation?: ApiCitation;
  errors?: ApiFieldIssue[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(`${body.code}: ${body.messages.en}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

const NETWORK_ERROR: ApiErrorBody = {
  code: 'JF_NETWORK',
  message: '无法连接服务器',
  messages: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the connection and try again' },
};

function unexpected(status: number): ApiErrorBody {
  return { code: 'JF_UNEXPECTED_RESPONSE', message: `服务器返回 ${status}`, messages: { zh: `服务器返回了无法识别的应答（${status}）`, en: `The server sent an unexpected response (${status})` } };
}

function isErrorBody(x: unknown): x is ApiErrorBody {
  const b = x as ApiErrorBody | null;
  return !!b && typeof b.code === 'string' && !!b.messages && typeof b.messages.zh === 'string';
}

/**
 * The CSRF token of the current session, kept in memory only: the session
 * answers carry it, and every state-changing request sends it back.
 */
let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setApiLanguage(lang: string) {
  acceptLanguage = lang;
}

/** Called when a request that needed a session got 401: the session has ended. */
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;
  /** JSON body, or a raw body (a file to import) sent as is. */
  json?: unknown;
  body?: Blob | ArrayBuffer;
  contentType?: string;
  signal?: AbortSignal;
}

export function withQuery(url: string, query?: RequestOptions['query']): string {
  if (!query) return url;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) q.append(k, String(x));
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

async function send(url: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.body !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    body = opts.body;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (res.ok) return res;
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // Not JSON: a proxy's error page, say.
  }
  if (res.status === 401 && !url.endsWith('/api/v1/session')) onUnauthenticated?.();
  throw new ApiError(res.status, isErrorBody(parsed) ? parsed : unexpected(res.status));
}

/** One request to the API; resolves to the JSON answer (or `undefined` for 204). */
export async function api<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(url, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Fetches a file (an export) and hands it to the browser to save. */
export async function download(url: string, query: RequestOptions['query'], fallbackName: string): Promise<void> {
  const res = await send(url, { query });
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) ?? /filename="?([^";]+)"?/i.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
