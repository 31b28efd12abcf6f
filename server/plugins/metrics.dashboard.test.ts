import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

/** The sample Grafana dashboard (docs/grafana-dashboard.json) queries only series that GET /metrics sends. */
const dashboard = JSON.parse(
  readFileSync(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8'),
) as {
  panels: { title: string; targets: { expr: string }[] }[];
};

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('the sample Grafana dashboard', () => {
  it('queries only series that GET /metrics exposes', async () => {
    await t.app.inject({ method: 'GET', url: '/health/live' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    // Each family as declared, and the series a histogram is queried by.
    const exposed = new Set<string>();
    for (const [, name, type] of response.body.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exposed.add(name as string);
      if (type === 'histogram')
        for (const suffix of ['_bucket', '_sum', '_count']) exposed.add(`${name}${suffix}`);
    }
    const queried = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) =>
        [...target.expr.matchAll(/\b(?:mutualis|process|nodejs)_\w+/g)].map((m) => m[0]),
      ),
    );
    expect(new Set(queried).size).toBeGreaterThanOrEqual(10);
    expect(queried.filter((name) => !exposed.has(name))).toEqual([]);
    // Every series of our own has a panel.
    const ours = [...exposed].filter((name) => name.startsWith('mutualis_') && !/_(sum|count)$/.test(name));
    expect(ours.filter((name) => !queried.some((q) => q === name || q === `${name}_bucket`))).toEqual([]);
  });
});
