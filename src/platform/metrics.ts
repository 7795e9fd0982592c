import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'zhixing_' });

export const httpDuration = new Histogram({
  name: 'zhixing_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const domainCounter = new Counter({
  name: 'zhixing_domain_events_total',
  help: 'Domain actions by kind and outcome',
  labelNames: ['action', 'outcome'] as const,
  registers: [metricsRegistry],
});
