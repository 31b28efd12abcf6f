import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderChart } from './helm-template.ts';

/**
 * The container image and the Helm chart, checked without Docker, hadolint or helm (none of them comes
 * from npm or Debian here): the Dockerfile's rules read from its instructions, the chart rendered by
 * `helm-template.ts` and each object validated against Kubernetes's OpenAPI schema (kubernetes-models).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const chartDir = path.join(root, 'deploy/mutualis');
const defaults = parse(readFileSync(path.join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>;

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  Deployment,
  Job,
  Ingress,
  Secret,
  Service,
};
type K8sObject = {
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are checked field by field below
  spec?: any;
  stringData?: Record<string, string>;
};

function render(overrides: Record<string, unknown> = {}) {
  const objects = renderChart(chartDir, { ...defaults, ...overrides }) as K8sObject[];
  for (const object of objects) {
    const Model = MODELS[object.kind];
    expect(Model, `a model for ${object.kind}`).toBeDefined();
    new (Model as NonNullable<typeof Model>)(object as never).validate();
  }
  const byKind = (kind: string) => objects.filter((object) => object.kind === kind);
  return { objects, byKind };
}

describe('Helm chart (deploy/mutualis)', () => {
  it('renders valid Kubernetes objects that fit together', () => {
    const { objects, byKind } = render();
    expect(objects.map((object) => object.kind).sort()).toEqual([
      'Deployment',
      'Ingress',
      'Job',
      'Secret',
      'Service',
    ]);
    const [deployment] = byKind('Deployment');
    const pod = deployment?.spec.template;
    const [server] = pod.spec.containers;
    expect(server.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(server.livenessProbe.httpGet.path).toBe('/health/live');
    expect(server.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    const selector = deployment?.spec.selector.matchLabels ?? {};
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(pod.metadata.labels).toMatchObject(selector);
    const env = Object.fromEntries(server.env.map((v: { name: string; value: string }) => [v.name, v.value]));
    expect(env).toMatchObject({
      MUTUALIS_PUBLIC_URL: 'https://mutualis.example',
      MUTUALIS_DEMO: 'false',
      MUTUALIS_TRUST_PROXY: '1',
    });

    const [secret] = byKind('Secret');
    expect(server.envFrom).toEqual([{ secretRef: { name: secret?.metadata.name } }]);
    expect(Object.keys(secret?.stringData ?? {})).toEqual(['DATABASE_URL']);

    const [service] = byKind('Service');
    expect(service?.spec.selector).toEqual(deployment?.spec.selector.matchLabels);
    const [ingress] = byKind('Ingress');
    expect(ingress?.spec.rules[0].http.paths[0].backend.service).toEqual({
      name: service?.metadata.name,
      port: { name: 'http' },
    });
    // Server-sent events: no buffering, a read timeout far above the 25 s heartbeat.
    const annotations = ingress?.metadata.annotations ?? {};
    expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(300);
  });

  it('migrates in a job before the pods of an install or upgrade, with the secret made before it', () => {
    const { byKind } = render();
    const [job] = byKind('Job');
    const [secret] = byKind('Secret');
    expect(job?.spec.template.spec.containers[0].command).toEqual([
      'node',
      'build/server/cli.js',
      'db',
      'migrate',
    ]);
    expect(job?.spec.template.spec.containers[0].envFrom).toEqual([
      { secretRef: { name: secret?.metadata.name } },
    ]);
    expect(job?.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(secret?.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(Number(secret?.metadata.annotations?.['helm.sh/hook-weight'])).toBeLessThan(
      Number(job?.metadata.annotations?.['helm.sh/hook-weight']),
    );
  });

  it("uses the operator's own secret and shared volume when given, and no ingress when off", () => {
    const { objects, byKind } = render({
      existingSecret: 'mutualis-prod',
      persistence: { existingClaim: 'mutualis-attachments' },
      ingress: { ...(defaults.ingress as object), enabled: false },
      secrets: { databaseUrl: 'postgres://x@y/z', metricsToken: 'jeton-de-mesure', oidcClientSecret: '' },
    });
    expect(objects.map((object) => object.kind).sort()).toEqual(['Deployment', 'Job', 'Service']);
    const pod = byKind('Deployment')[0]?.spec.template.spec;
    expect(pod.containers[0].envFrom).toEqual([{ secretRef: { name: 'mutualis-prod' } }]);
    expect(pod.volumes[0]).toEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'mutualis-attachments' },
    });
  });

  it('puts the optional secrets in the secret only when set', () => {
    const { byKind } = render({
      secrets: { databaseUrl: 'postgres://x@y/z', metricsToken: 'jeton', oidcClientSecret: 's' },
    });
    expect(Object.keys(byKind('Secret')[0]?.stringData ?? {})).toEqual([
      'DATABASE_URL',
      'MUTUALIS_METRICS_TOKEN',
      'MUTUALIS_OIDC_CLIENT_SECRET',
    ]);
  });

  it('refuses what a manifest schema refuses', () => {
    expect(() => render({ replicaCount: 'deux' })).toThrow(/replicas must be integer/);
  });
});

describe('Dockerfile', () => {
  const instructions = readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.trim().split(/\s+/);
      return { keyword: (keyword as string).toUpperCase(), args: rest.join(' ') };
    });
  const stages = instructions.reduce<(typeof instructions)[]>((all, instruction) => {
    if (instruction.keyword === 'FROM') all.push([]);
    all[all.length - 1]?.push(instruction);
    return all;
  }, []);
  const runtime = stages[stages.length - 1] ?? [];

  it('builds the web app and the server in a build stage, and runs them as a user other than root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]?.some((i) => i.keyword === 'RUN' && i.args.includes('npm run build'))).toBe(true);
    expect(runtime.some((i) => i.keyword === 'RUN' && /npm (ci|install|run build)/.test(i.args))).toBe(false);
    const users = runtime.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime.find((i) => i.keyword === 'CMD')?.args).toContain('build/server/main.js');
  });

  it('checks its health on /health/ready, and pins its base image', () => {
    const healthcheck = runtime.find((i) => i.keyword === 'HEALTHCHECK');
    expect(healthcheck?.args).toContain('/health/ready');
    const image = instructions.find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='))?.args;
    expect(image).toMatch(/^NODE_IMAGE=node:\d+\.\d+\.\d+-bookworm-slim$/);
    for (const stage of stages) expect(stage[0]?.args).toMatch(/^\$\{NODE_IMAGE\} AS \w+$/);
  });
});
