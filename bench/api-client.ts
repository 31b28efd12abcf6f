/**
 * A signed-in client of the API, as the web app is: the session cookie, and the CSRF token on every
 * write. The writes of the benches: declare a sheet, rename one, and wait until a search finds it.
 */
import { randomBytes } from 'node:crypto';

export interface Client {
  base: string;
  cookie: string;
  /** Sent with every write (x-csrf-token). */
  csrfToken: string;
  organisationId: string;
  get<T>(path: string): Promise<T>;
  /** A write: its answer (throws unless 2xx) and its latency in ms, from the request to the whole body. */
  write<T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<{ body: T; ms: number }>;
}

export async function signIn(base: string, email: string, password: string): Promise<Client> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken, user } = (await login.json()) as {
    csrfToken: string;
    user: { organisationId: string };
  };
  return clientOf(base, { cookie, csrfToken, organisationId: user.organisationId });
}

/** The same signed-in session spoken to at another address (another instance of the server). */
export function clientOf(
  base: string,
  session: { cookie: string; csrfToken: string; organisationId: string },
): Client {
  const { cookie, csrfToken } = session;
  const get = async <T>(path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const write = async <T>(method: 'POST' | 'PATCH', path: string, body: unknown) => {
    const start = performance.now();
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - start;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return { body: (text ? JSON.parse(text) : undefined) as T, ms };
  };
  return { base, ...session, get, write };
}

/** A made-up word no generated sheet contains (letters only, so that every tokenizer keeps it whole). */
export function uniqueWord() {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `zq${[...randomBytes(8)].map((b) => letters[b % letters.length]).join('')}`;
}

interface Sheet {
  id: string;
  name: string;
  version: number;
}
interface Page {
  total: number;
  items: { id: string }[];
}

/** Total of a search: `GET /api/applications?<query>&pageSize=0`. */
export async function searchTotal(client: Client, query: string) {
  return (await client.get<Page>(`/api/applications?${query}${query ? '&' : ''}pageSize=0`)).total;
}

/** Declares a sheet whose name carries `word`, designed by the signed-in user's office. */
export async function createSheet(client: Client, word: string) {
  return client.write<Sheet>('POST', '/api/applications', {
    name: `Suivi des mesures ${word}`,
    summary: 'Tableau de suivi déclaré pendant le banc de mesure de la recherche.',
    domainCode: 'pilotage-statistiques',
    designerOrganisationId: client.organisationId,
    track: 'nonStandard',
    lifecycleStage: 'inProduction',
    hosting: 'officeServer',
  });
}

/** The ids of `count` sheets of the generated catalogue, to be renamed. */
export async function sheetsToEdit(client: Client, count: number) {
  const page = await client.get<Page>(`/api/applications?sort=name&pageSize=${Math.min(count, 100)}`);
  return page.items.map((item) => item.id);
}

/** Renames a sheet to `<name without the last bench word> <word>` (reads its version first, untimed). */
export async function editSheet(client: Client, id: string, word: string) {
  const sheet = await client.get<Sheet>(`/api/applications/${id}`);
  const name = `${sheet.name.replace(/ zq[a-z]+$/, '').slice(0, 100)} ${word}`;
  return client.write<Sheet>('PATCH', `/api/applications/${id}`, { version: sheet.version, name });
}

/**
 * Searches `word` back to back until sheet `id` is in the results: the time from `since` (the write's
 * answer) to the answer of the first search that finds it, and the number of searches.
 */
export async function timeUntilFound(
  client: Client,
  word: string,
  id: string,
  since: number,
  timeoutMs: number,
) {
  for (let searches = 1; ; searches += 1) {
    const page = await client.get<Page>(`/api/applications?q=${word}&pageSize=5`);
    const ms = performance.now() - since;
    if (page.items.some((item) => item.id === id)) return { ms, searches };
    if (ms > timeoutMs) return { ms: Number.POSITIVE_INFINITY, searches };
  }
}
