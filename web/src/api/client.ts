/** Problem details (RFC 9457) as the server sends them, with French messages. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  code?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
  /** A lifecycle refusal: its code and parameters, translated by the web from the definition. */
  refusal?: { code: string; params: Record<string, string | number> };
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
  get status() {
    return this.problem.status;
  }
  /** Message for one field, for a form to show under that field. */
  fieldError(field: string) {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/** A query string; a list becomes the same key repeated (the server reads it as "any of"). */
export function withQuery(path: string, query: Query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: { acceptStatus?: number[] } = {},
) {
  const isForm = body instanceof FormData;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      title: 'Réseau',
      detail: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    });
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok && !options.acceptStatus?.includes(response.status)) {
    throw new ApiError(
      payload && typeof payload.detail === 'string'
        ? (payload as Problem)
        : { status: response.status, title: 'Erreur', detail: `Erreur ${response.status}` },
    );
  }
  return payload as T;
}
