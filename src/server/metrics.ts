/**
 * Prometheus metrics (prom-client), on a registry of their own per server so that several servers in
 * one process (the tests) do not share counters. Served at GET /metrics.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Operation names come from clients: keep the label set bounded. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface Metrics {
  registry: Registry;
  /** One HTTP response. `route` is the route template (never the raw URL, which clients control). */
  observeHttp(r: { method: string; route: string; status: number; seconds: number }): void;
  /** One GraphQL operation with the codes of its errors (none: OK). */
  observeOperation(r: { operation: string | null; type: string | null; codes: string[]; seconds: number }): void;
  /** One SQL statement, as timed by the database client. */
  observeStatement(ms: number): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const httpRequests = new Counter({
    name: 'dossier_http_requests_total', help: 'HTTP responses by method, route and status',
    labelNames: ['method', 'route', 'status'] as const, registers,
  });
  const httpSeconds = new Histogram({
    name: 'dossier_http_request_duration_seconds', help: 'HTTP response time by method and route',
    labelNames: ['method', 'route'] as const, registers,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const operations = new Counter({
    name: 'dossier_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and result code (OK, or each error code in the response)',
    labelNames: ['operation', 'type', 'code'] as const, registers,
  });
  const operationSeconds = new Histogram({
    name: 'dossier_graphql_operation_duration_seconds', help: 'GraphQL operation time by operation name and type',
    labelNames: ['operation', 'type'] as const, registers,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const statementSeconds = new Histogram({
    name: 'dossier_db_statement_duration_seconds', help: 'Time of each SQL statement the API runs',
    registers, buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  });

  const seen = new Set<string>();
  const operationLabel = (name: string | null) => {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(invalid)';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return '(other)';
    seen.add(name);
    return name;
  };

  return {
    registry,
    observeHttp({ method, route, status, seconds }) {
      httpRequests.inc({ method, route, status: String(status) });
      httpSeconds.observe({ method, route }, seconds);
    },
    observeOperation({ operation, type, codes, seconds }) {
      const name = operationLabel(operation);
      const kind = type ?? '(none)';
      // Most answers carry no error: one label object, no set of codes (this runs on every request).
      if (codes.length === 0) operations.inc({ operation: name, type: kind, code: 'OK' });
      else for (const code of new Set(codes)) operations.inc({ operation: name, type: kind, code });
      operationSeconds.observe({ operation: name, type: kind }, seconds);
    },
    observeStatement(ms) {
      statementSeconds.observe(ms / 1000);
    },
  };
}
