/**
 * The HTTP layer the integrations share (GitLab, Jenkins, the Composer repository): JSON over fetch with a
 * timeout, rate limits honoured (`Retry-After`, `RateLimit-Remaining`/`RateLimit-Reset`), a 5xx or a
 * connection failure retried with backoff, and every refusal turned into an `IntegrationError` whose
 * `detail` is French and says what to do.
 */

export type IntegrationSystem = 'GitLab' | 'Jenkins' | 'Composer';

export type IntegrationErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rejected'
  | 'rateLimited'
  | 'unavailable'
  | 'unreachable'
  | 'invalidResponse';

export class IntegrationError extends Error {
  constructor(
    readonly system: IntegrationSystem,
    readonly kind: IntegrationErrorKind,
    /** French, for the person reading the page or the administrator. */
    readonly detail: string,
    readonly status: number | null = null,
  ) {
    super(detail);
    this.name = 'IntegrationError';
  }
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface HttpClientOptions {
  system: IntegrationSystem;
  /** Every path is relative to it (e.g. https://forge.example.fr/api/v4). */
  baseUrl: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Tests pass a clock and a sleep that record the waits instead of making them. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Attempts after the first for a 5xx, a connection failure or a 429 (default 2). */
  retries?: number;
  /** A wait longer than this (a rate limit reset far away) is reported instead of waited for. */
  maxWaitMs?: number;
  timeoutMs?: number;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** What a 403 or 404 is about, in French and in lower case ("le projet reseau/abc"). */
  subject?: string;
  headers?: Record<string, string>;
}

export interface HttpClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
}

const BACKOFF_MS = 500;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const retries = options.retries ?? 2;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const system = options.system;
  /** When the last answer said that no request is left, the time its window resets (ms). */
  let blockedUntil = 0;

  const waitFor = async (ms: number) => {
    if (ms <= 0) return;
    if (ms > maxWaitMs)
      throw new IntegrationError(
        system,
        'rateLimited',
        `${system} limite le nombre de requêtes du portail : nouvel essai possible dans ${Math.ceil(ms / 1000)} s.`,
        429,
      );
    await sleep(ms);
  };

  return {
    async request<T>(method: string, path: string, request: RequestOptions = {}) {
      const url = new URL(`${options.baseUrl}${path}`);
      for (const [key, value] of Object.entries(request.query ?? {}))
        if (value !== undefined) url.searchParams.set(key, String(value));
      for (let attempt = 0; ; attempt++) {
        await waitFor(blockedUntil - now());
        let response: Response;
        try {
          response = await doFetch(url, {
            method,
            headers: {
              accept: 'application/json',
              ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
              ...options.headers,
              ...request.headers,
            },
            body: request.body === undefined ? undefined : JSON.stringify(request.body),
            signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
          });
        } catch {
          if (attempt < retries) {
            await sleep(BACKOFF_MS * 2 ** attempt);
            continue;
          }
          throw new IntegrationError(
            system,
            'unreachable',
            `${system} est injoignable (${url.host}) après ${attempt + 1} tentatives : vérifiez son adresse ou réessayez plus tard.`,
          );
        }
        blockedUntil = rateLimitReset(response.headers, now()) ?? 0;
        if (response.status === 429 && attempt < retries) {
          await response.body?.cancel();
          await waitFor(retryAfterMs(response.headers, now()) ?? BACKOFF_MS * 2 ** attempt);
          continue;
        }
        if (response.status >= 500 && attempt < retries) {
          await response.body?.cancel();
          await sleep(BACKOFF_MS * 2 ** attempt);
          continue;
        }
        // A conditional request (If-Modified-Since) whose subject did not change.
        if (response.status === 304) return { status: 304, headers: response.headers, body: null as T };
        if (!response.ok) throw await refusal(system, response, request.subject, attempt + 1);
        const text = await response.text();
        try {
          return {
            status: response.status,
            headers: response.headers,
            body: (text ? JSON.parse(text) : null) as T,
          };
        } catch {
          throw new IntegrationError(
            system,
            'invalidResponse',
            `${system} a répondu autre chose que du JSON.`,
          );
        }
      }
    },
  };
}

/** `RateLimit-Remaining: 0` with `RateLimit-Reset` (a Unix time, GitLab's form): wait until then. */
function rateLimitReset(headers: Headers, nowMs: number): number | null {
  if (headers.get('ratelimit-remaining') !== '0') return null;
  const reset = Number(headers.get('ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(reset * 1000, nowMs) : null;
}

/** `Retry-After` in seconds or as an HTTP date; else the reset of the window. */
function retryAfterMs(headers: Headers, nowMs: number): number | null {
  const value = headers.get('retry-after');
  if (value) {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - nowMs);
  }
  const reset = Number(headers.get('ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - nowMs) : null;
}

async function refusal(
  system: IntegrationSystem,
  response: Response,
  subject: string | undefined,
  attempts: number,
): Promise<IntegrationError> {
  const status = response.status;
  const message = await remoteMessage(response);
  if (status === 401)
    return new IntegrationError(
      system,
      'unauthorized',
      `${system} refuse le jeton du portail (401) : il est invalide ou a expiré. Un administrateur doit le renouveler.`,
      status,
    );
  if (status === 403)
    return new IntegrationError(
      system,
      'forbidden',
      `${system} refuse l'accès (403) : le compte du portail n'a pas les droits nécessaires${subject ? ` sur ${subject}` : ''}.`,
      status,
    );
  if (status === 404)
    return new IntegrationError(
      system,
      'notFound',
      `${capitalised(subject ?? 'la ressource demandée')} est introuvable sur ${system} (404) : vérifiez l'adresse ou le nom.`,
      status,
    );
  if (status === 429)
    return new IntegrationError(
      system,
      'rateLimited',
      `${system} limite le nombre de requêtes du portail (429) : réessayez dans quelques minutes.`,
      status,
    );
  if (status >= 500)
    return new IntegrationError(
      system,
      'unavailable',
      `${system} ne répond pas correctement (erreur ${status}) après ${attempts} tentatives : réessayez plus tard.`,
      status,
    );
  return new IntegrationError(
    system,
    'rejected',
    `${system} a refusé la demande (${status})${message ? ` : ${message}` : '.'}`,
    status,
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** GitLab answers `{ "message": … }` (a text, a list or an object of field → messages). */
async function remoteMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown };
    const message = body.message ?? body.error;
    if (typeof message === 'string') return message.slice(0, 300);
    if (message && typeof message === 'object')
      return Object.entries(message)
        .map(([field, value]) => `${field} ${Array.isArray(value) ? value.join(', ') : String(value)}`)
        .join(' ; ')
        .slice(0, 300);
  } catch {
    // not JSON: the status says enough
  }
  return '';
}

/** The `Link` header's target for a relation (`<…>; rel="next"`). */
export function linkTarget(headers: Headers, relation: string): string | null {
  const link = headers.get('link');
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match?.[2] === relation) return match[1] ?? null;
  }
  return null;
}
