import type { JenkinsSettings } from '../config.ts';
import { createHttpClient, type HttpClientOptions, IntegrationError } from './http.ts';

/**
 * The software factory as the portal reads it (Jenkins JSON API, `?tree=` to ask only for what it shows):
 * a job's last builds — result, duration, time — and the test report of the last one. The job of an
 * application is found by its forge path, folder by folder (`reseau/cpam-67/conges` →
 * `/job/reseau/job/cpam-67/job/conges`), as Jenkins' GitLab organisation folders name them. No build is
 * triggered from the portal, so no crumb is needed.
 */
export interface FactoryClient {
  readonly url: string;
  readBuilds(jobPath: string): Promise<FetchedBuilds>;
}

/** SUCCESS | UNSTABLE | FAILURE | NOT_BUILT | ABORTED, null while it runs. */
export interface FactoryBuild {
  number: number;
  result: string | null;
  building: boolean;
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  url: string;
}

export interface FetchedBuilds {
  jobUrl: string;
  /** blue, red, yellow, grey, disabled, aborted, notbuilt, with `_anime` while building. */
  color: string;
  builds: FactoryBuild[];
  tests: { passed: number; failed: number; skipped: number } | null;
}

const BUILDS_SHOWN = 10;

interface JenkinsBuild {
  number: number;
  result: string | null;
  building?: boolean;
  timestamp: number;
  duration: number;
  url: string;
}

export const jenkinsJobPath = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((part) => `/job/${encodeURIComponent(part)}`)
    .join('');

export function createJenkinsClient(
  settings: JenkinsSettings,
  http: Partial<HttpClientOptions> = {},
): FactoryClient {
  const client = createHttpClient({
    system: 'Jenkins',
    baseUrl: settings.url,
    headers: {
      authorization: `Basic ${Buffer.from(`${settings.user}:${settings.token}`).toString('base64')}`,
    },
    ...http,
  });
  return {
    url: settings.url,
    async readBuilds(jobPath) {
      const base = jenkinsJobPath(jobPath);
      const job = await client.request<{ url: string; color?: string; builds?: JenkinsBuild[] }>(
        'GET',
        `${base}/api/json`,
        {
          query: {
            tree: `url,color,builds[number,result,building,timestamp,duration,url]{0,${BUILDS_SHOWN}}`,
          },
          subject: `le job ${jobPath}`,
        },
      );
      const builds = (job.body.builds ?? []).map((b) => ({
        number: b.number,
        result: b.result,
        building: b.building ?? b.result === null,
        startedAt: new Date(b.timestamp).toISOString(),
        durationMs: b.duration,
        url: b.url,
      }));
      const last = builds.find((b) => !b.building);
      const tests = last
        ? await client
            .request<{ passCount: number; failCount: number; skipCount: number }>(
              'GET',
              `${base}/${last.number}/testReport/api/json`,
              { query: { tree: 'passCount,failCount,skipCount' } },
            )
            .then((r) => ({ passed: r.body.passCount, failed: r.body.failCount, skipped: r.body.skipCount }))
            .catch((error: unknown) => {
              // A build that archived no test report answers 404.
              if (error instanceof IntegrationError && error.kind === 'notFound') return null;
              throw error;
            })
        : null;
      return { jobUrl: job.body.url, color: job.body.color ?? 'notbuilt', builds, tests };
    },
  };
}
