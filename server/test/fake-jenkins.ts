import { createServer, type Server } from 'node:http';

/**
 * A Jenkins JSON API in the test process, answering as Jenkins' remote API documentation describes: HTTP
 * basic authentication with a user's API token (401 otherwise), jobs in folders (`/job/a/job/b/api/json`),
 * `?tree=` honoured for the fields the portal asks (`builds[…]{0,n}`), a build's `testReport/api/json`
 * (404 when the build archived none). Tests script failures.
 */
export interface FakeJob {
  color: string;
  builds: { number: number; result: string | null; timestamp: number; duration: number }[];
  tests: Map<number, { passCount: number; failCount: number; skipCount: number }>;
}
export interface FakeJenkins {
  url: string;
  user: string;
  token: string;
  jobs: Map<string, FakeJob>;
  requests: { path: string; query: URLSearchParams }[];
  fail(path: string, status: number, count?: number): void;
  close(): Promise<void>;
}

export async function startFakeJenkins(user = 'mutualis', token = 'jenkins-api-token'): Promise<FakeJenkins> {
  const jobs = new Map<string, FakeJob>();
  const requests: FakeJenkins['requests'] = [];
  const failures: { path: string; status: number; count: number }[] = [];
  let url = '';
  const server: Server = createServer((request, response) => {
    const address = new URL(request.url ?? '/', 'http://localhost');
    requests.push({ path: address.pathname, query: address.searchParams });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/json;charset=utf-8',
        'x-jenkins': '2.479.3',
      });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const expected = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
    if (request.headers.authorization !== expected) return send(401, '<html>Unauthorized</html>');
    const failure = failures.find((f) => address.pathname.includes(f.path) && f.count > 0);
    if (failure) {
      failure.count--;
      return send(failure.status, '<html>Error</html>');
    }
    const match = /^((?:\/job\/[^/]+)+)(?:\/(\d+)\/testReport)?\/api\/json$/.exec(address.pathname);
    const path = match?.[1]?.split('/job/').filter(Boolean).map(decodeURIComponent).join('/');
    const job = path ? jobs.get(path) : undefined;
    if (!match || !job) return send(404, '<html>Not Found</html>');
    const jobUrl = `${url}${match[1]}/`;
    if (match[2]) {
      const report = job.tests.get(Number(match[2]));
      return report
        ? send(200, { _class: 'hudson.tasks.junit.TestResult', ...report })
        : send(404, '<html>Not Found</html>');
    }
    const limit = Number(/\{0,(\d+)\}/.exec(address.searchParams.get('tree') ?? '')?.[1] ?? 100);
    return send(200, {
      _class: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
      url: jobUrl,
      color: job.color,
      builds: [...job.builds]
        .sort((a, b) => b.number - a.number)
        .slice(0, limit)
        .map((b) => ({
          _class: 'org.jenkinsci.plugins.workflow.job.WorkflowRun',
          ...b,
          building: b.result === null,
          url: `${jobUrl}${b.number}/`,
        })),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    user,
    token,
    jobs,
    requests,
    fail: (path, status, count = 1) => failures.push({ path, status, count }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
