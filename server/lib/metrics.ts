import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The figures `GET /metrics` gives Prometheus, one registry per server (tests build several): requests
 * by route and status with their latency, what the modules report through `gauge` (database pool, job
 * queue, search index, live streams), and the process's own (memory, event loop, garbage collection).
 * A route is its pattern (`/api/projects/:id`), never the address asked: ids would make a series each.
 */
export interface Metrics {
  registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** A gauge read when scraped: `collect` returns one value per label set (no labels: the key ''). */
  gauge(
    name: string,
    help: string,
    labelName: string | null,
    collect: () => Record<string, number> | Promise<Record<string, number>>,
  ): void;
  counter(name: string, help: string, labelName: string): (label: string) => void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'mutualis_http_requests_total',
    help: 'Requêtes HTTP traitées, par méthode, route et statut',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'mutualis_http_request_duration_seconds',
    help: 'Durée des requêtes HTTP, par méthode et route',
    labelNames: ['method', 'route'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    gauge(name, help, labelName, collect) {
      new Gauge({
        name,
        help,
        labelNames: labelName ? [labelName] : [],
        registers: [registry],
        async collect() {
          const values = await collect();
          this.reset();
          for (const [label, value] of Object.entries(values))
            if (labelName) this.set({ [labelName]: label }, value);
            else this.set(value);
        },
      });
    },
    counter(name, help, labelName) {
      const counter = new Counter({ name, help, labelNames: [labelName], registers: [registry] });
      return (label) => counter.inc({ [labelName]: label });
    },
  };
}
