import type { ComposerSettings } from '../config.ts';
import { createHttpClient, type HttpClientOptions, IntegrationError } from './http.ts';

/**
 * The Composer repository (Artifactory or Satis) as Composer 2 reads it: `packages.json` names the packages
 * (`available-packages`, else the keys of an inline `packages` map) and where their metadata is
 * (`metadata-url`, default `p2/%package%.json` beside it); a package's `p2/` file lists its tagged versions, minified
 * (`"minified": "composer/2.0"`: each version repeats only what changed, `"__unset"` drops a field). A
 * package is read again only when its file changed (`If-Modified-Since` with its last `Last-Modified`).
 */
export interface PackageRepositoryClient {
  readonly url: string;
  listPackages(): Promise<string[]>;
  /** `unchanged` when the repository answers 304 to `If-Modified-Since: modifiedSince`. */
  readPackage(name: string, modifiedSince: string | null): Promise<FetchedPackage | 'unchanged'>;
}

export interface PackageVersion {
  version: string;
  /** ISO 8601 (the tag's date), null when the repository gives none. */
  releasedAt: string | null;
  licences: string[];
}

export interface FetchedPackage {
  name: string;
  description: string;
  /** Tagged versions, the newest first (development branches are not read). */
  versions: PackageVersion[];
  /** The file's `Last-Modified`, the cursor of the next read. */
  lastModified: string | null;
}

type VersionData = Record<string, unknown>;

/** Composer's metadata minifier, undone: each entry inherits the previous one's fields. */
export function expandMinified(versions: VersionData[]): VersionData[] {
  const expanded: VersionData[] = [];
  let current: VersionData | null = null;
  for (const entry of versions) {
    current = { ...(current ?? {}) };
    for (const [key, value] of Object.entries(entry)) {
      if (value === '__unset') delete current[key];
      else current[key] = value;
    }
    expanded.push(current);
  }
  return expanded;
}

/** Compares two Composer versions (1.10.0 > 1.9.2; a leading v ignored; a pre-release before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [main = '', pre = ''] = v.replace(/^v/i, '').split('-', 2);
    return { parts: main.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre.localeCompare(y.pre);
}

const isStable = (version: string) => /^v?\d+(\.\d+)*$/i.test(version);

export function createComposerClient(
  settings: ComposerSettings,
  http: Partial<HttpClientOptions> = {},
): PackageRepositoryClient {
  const root = new URL(`${settings.url}/`);
  const authorization = settings.token
    ? settings.user
      ? `Basic ${Buffer.from(`${settings.user}:${settings.token}`).toString('base64')}`
      : `Bearer ${settings.token}`
    : null;
  // Paths are resolved against the repository's address, then asked of its origin (metadata-url may start with /).
  const client = createHttpClient({
    system: 'Composer',
    baseUrl: root.origin,
    headers: authorization ? { authorization } : {},
    ...http,
  });
  // Until packages.json says otherwise, next to it (as Satis and Artifactory publish it).
  let metadataUrl = 'p2/%package%.json';
  const pathOf = (target: string) => {
    const url = new URL(target, root);
    if (url.origin !== root.origin)
      throw new IntegrationError(
        'Composer',
        'invalidResponse',
        `Le dépôt Composer renvoie vers une autre adresse (${url.host}) : le portail ne la suit pas.`,
      );
    return url.pathname;
  };
  const wanted = (name: string) =>
    settings.vendors.length === 0 || settings.vendors.some((vendor) => name.startsWith(`${vendor}/`));

  return {
    url: settings.url,
    async listPackages() {
      const index = await client.request<{
        packages?: Record<string, unknown> | unknown[];
        'available-packages'?: string[];
        'metadata-url'?: string;
      }>('GET', pathOf('packages.json'), { subject: 'le fichier packages.json du dépôt' });
      if (!index.body || typeof index.body !== 'object')
        throw new IntegrationError(
          'Composer',
          'invalidResponse',
          'Le fichier packages.json du dépôt est vide.',
        );
      if (index.body['metadata-url']) metadataUrl = index.body['metadata-url'];
      const inline =
        index.body.packages && !Array.isArray(index.body.packages) ? Object.keys(index.body.packages) : [];
      return [...new Set([...(index.body['available-packages'] ?? []), ...inline])].filter(wanted).sort();
    },

    async readPackage(name, modifiedSince) {
      const response = await client.request<{ packages?: Record<string, VersionData[]>; minified?: string }>(
        'GET',
        pathOf(metadataUrl.replace('%package%', name)),
        {
          subject: `le paquet ${name}`,
          headers: modifiedSince ? { 'if-modified-since': modifiedSince } : {},
        },
      );
      if (response.status === 304) return 'unchanged';
      const listed = response.body?.packages?.[name] ?? [];
      const versions = response.body?.minified === 'composer/2.0' ? expandMinified(listed) : listed;
      const newest = versions[0] ?? {};
      return {
        name,
        description: typeof newest.description === 'string' ? newest.description : '',
        versions: versions
          .map((v) => ({
            version: String(v.version ?? ''),
            releasedAt: Number.isFinite(Date.parse(String(v.time)))
              ? new Date(String(v.time)).toISOString()
              : null,
            licences: Array.isArray(v.license) ? v.license.map(String) : [],
          }))
          .filter((v) => isStable(v.version))
          .sort((a, b) => compareVersions(b.version, a.version)),
        lastModified: response.headers.get('last-modified'),
      };
    },
  };
}
