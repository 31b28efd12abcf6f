import { createServer, type Server } from 'node:http';

/**
 * A Composer repository in the test process, answering as Composer's repository documentation and
 * Satis/Artifactory publish it: `packages.json` with `metadata-url` (`/p2/%package%.json`) and
 * `available-packages`, each package's `p2/<vendor>/<name>.json` minified (`"minified": "composer/2.0"`),
 * `Last-Modified` on each file and 304 to an `If-Modified-Since` not older than it, and HTTP basic
 * authentication as Artifactory asks it (401 otherwise). Tests script failures.
 */
export interface FakeComposerVersion {
  version: string;
  time: string;
  license: string[];
  description?: string;
}
export interface FakeComposer {
  url: string;
  user: string;
  token: string;
  /** Each package's versions, the newest first, and when its file last changed. */
  packages: Map<string, { versions: FakeComposerVersion[]; modifiedAt: Date }>;
  requests: { path: string; ifModifiedSince: string | null }[];
  fail(path: string, status: number, count?: number): void;
  close(): Promise<void>;
}

/** The starter kit as the tests publish it: two releases (the newest first). */
export const STARTER_KIT_RELEASES: FakeComposerVersion[] = [
  {
    version: 'v3.2.0',
    time: '2026-11-20T09:00:00+00:00',
    license: ['EUPL-1.2'],
    description: 'Starter kit PHP',
  },
  { version: 'v3.1.4', time: '2026-09-02T09:00:00+00:00', license: ['EUPL-1.2'] },
];

/** The minifier of composer/metadata-minifier: each version keeps only what differs from the one before. */
function minify(versions: Record<string, unknown>[]) {
  let previous: Record<string, unknown> | null = null;
  return versions.map((version) => {
    if (!previous) {
      previous = version;
      return version;
    }
    const delta: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(version))
      if (JSON.stringify(previous[key]) !== JSON.stringify(value)) delta[key] = value;
    for (const key of Object.keys(previous)) if (!(key in version)) delta[key] = '__unset';
    previous = version;
    return delta;
  });
}

export async function startFakeComposer(
  user = 'mutualis',
  token = 'artifactory-token',
): Promise<FakeComposer> {
  const packages: FakeComposer['packages'] = new Map();
  const requests: FakeComposer['requests'] = [];
  const failures: { path: string; status: number; count: number }[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const ifModifiedSince = request.headers['if-modified-since'] ?? null;
    requests.push({ path, ifModifiedSince });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.headers.authorization !== `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`)
      return send(401, { errors: [{ status: 401, message: 'Bad credentials' }] });
    const failure = failures.find((f) => path.includes(f.path) && f.count > 0);
    if (failure) {
      failure.count--;
      return send(failure.status, { errors: [{ status: failure.status, message: 'scripted' }] });
    }
    if (path === '/artifactory/api/composer/php-local/packages.json')
      return send(200, {
        packages: [],
        'metadata-url': '/artifactory/api/composer/php-local/p2/%package%.json',
        'available-packages': [...packages.keys()],
      });
    const metadata = /^\/artifactory\/api\/composer\/php-local\/p2\/(.+)\.json$/.exec(path);
    const found = metadata ? packages.get(metadata[1] ?? '') : undefined;
    if (!metadata || !found) return send(404, { errors: [{ status: 404, message: 'Not Found' }] });
    const lastModified = new Date(Math.floor(found.modifiedAt.getTime() / 1000) * 1000);
    if (ifModifiedSince && Date.parse(ifModifiedSince) >= lastModified.getTime())
      return send(304, undefined, { 'last-modified': lastModified.toUTCString() });
    const name = metadata[1] ?? '';
    return send(
      200,
      {
        minified: 'composer/2.0',
        packages: {
          [name]: minify(
            found.versions.map((v) => ({
              name,
              description: v.description ?? `Paquet ${name}`,
              version: v.version,
              version_normalized: `${v.version.replace(/^v/, '')}.0`,
              license: v.license,
              time: v.time,
              type: 'library',
              dist: { type: 'zip', url: `https://example.invalid/${name}/${v.version}.zip` },
            })),
          ),
        },
      },
      { 'last-modified': lastModified.toUTCString() },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/artifactory/api/composer/php-local`,
    user,
    token,
    packages,
    requests,
    fail: (path, status, count = 1) => failures.push({ path, status, count }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
