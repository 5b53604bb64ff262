/**
 * The HTTP layer, on Fastify with Apollo's official integration (@as-integrations/fastify). Routes, all
 * under BASE_PATH:
 *   <base>/graphql   GET/POST GraphQL (the IDE for a browser's plain GET), CSRF prevention from Apollo
 *   <base>/healthz   liveness (the process answers and reaches its database)
 *   <base>/readyz    readiness (database reachable, migrations applied, not draining)
 *   <base>/metrics   Prometheus metrics (refused to anonymous callers when reads require a token)
 *   <base>/          the reference web app (web/dist), or a redirect to the API when it is not built
 * CORS, compression and the body limit come from Fastify and its plugins; authentication is decided in
 * onRequest, before a byte of the body is read or a token of the query parsed.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { ApolloServer } from '@apollo/server';
import type { Config } from '../config.ts';
import { createContext, emptyReport, type Context, type OperationReport } from '../context.ts';
import { checkRows, type Db } from '../db/client.ts';
import type { Principal } from '../domain/auth.ts';
import { authenticate, type parseTokens } from '../auth/tokens.ts';
import { idePage } from './ide.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import { readinessProblems, shippedMigrations } from './readiness.ts';
import { CACHE_HEADER, registerResponseCache } from './response-cache.ts';
import { migrationsDirFor } from '../db/migrate/paths.ts';
import { loadWebApp } from './web-app.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Principal | null;
    report: OperationReport;
    /** W3C trace id from an incoming `traceparent`, when valid. */
    traceId: string | null;
    /** Set when the response is the IDE page rather than a GraphQL result. */
    servedIde: boolean;
  }
}

/** Headers a browser client sends cross-origin: answered in CORS preflights. */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'traceparent'];

export interface ServerState {
  /** Set on SIGTERM: /readyz answers 503 from then on. */
  draining: boolean;
}

export interface HttpOptions {
  config: Config;
  apollo: ApolloServer<Context>;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  tokens: ReturnType<typeof parseTokens>;
  state: ServerState;
}

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

// A client's request id is echoed and logged, so it must be short and harmless in a log line or header.
const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

function traceIdOf(header: string | string[] | undefined): string | null {
  const m = typeof header === 'string' ? TRACEPARENT.exec(header.trim()) : null;
  return m && !/^0+$/.test(m[1]!) ? m[1]! : null;
}

/** The codes in an error body the HTTP layer or Apollo's HTTP checks (CSRF, bad request) produced. */
function codesInBody(payload: unknown): string[] {
  if (typeof payload !== 'string' || payload.length > 100_000) return [];
  try {
    const body = JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[] };
    return (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  } catch {
    return [];
  }
}

/** A plain GET from a browser's address bar: no operation in the URL and HTML acceptable. */
function wantsIde(request: FastifyRequest): boolean {
  const q = request.query as Record<string, unknown>;
  return request.method === 'GET' && q.query === undefined && q.extensions === undefined && /text\/html/.test(String(request.headers.accept ?? ''));
}

export async function createHttpApp(opts: HttpOptions): Promise<FastifyInstance> {
  const { config, apollo, db, logger, metrics, tokens, state } = opts;
  const base = config.basePath;
  const paths = { graphql: `${base}/graphql`, healthz: `${base}/healthz`, readyz: `${base}/readyz`, metrics: `${base}/metrics` };
  const migrations = shippedMigrations(migrationsDirFor(config.databaseUrl));
  // The IDE needs introspection, and is not handed to anonymous callers when reads need a token.
  const ide = config.introspection && !config.requireAuthForReads ? idePage(paths.graphql) : null;

  const app = Fastify({
    logger: false, // one line per response is written below, with the GraphQL outcome in it
    bodyLimit: config.limits.maxBodyBytes,
    requestTimeout: 60_000,
    // Trust X-Forwarded-For from the nearest TRUST_PROXY_HOPS proxies for the client address.
    trustProxy: config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      if (typeof given === 'string' && REQUEST_ID.test(given)) return given;
      return traceIdOf(req.headers.traceparent) ?? randomUUID();
    },
  });
  app.server.headersTimeout = 20_000;

  app.decorateRequest('viewer', null);
  app.decorateRequest('report', null as unknown as OperationReport);
  app.decorateRequest('traceId', null);
  app.decorateRequest('servedIde', false);

  // Every body is taken as it comes; Apollo decides what a GraphQL request may look like (a text/plain
  // POST is a CSRF attempt it refuses with 400, not an unsupported media type).
  app.addContentTypeParser('application/graphql-response+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    request.report = emptyReport();
    request.traceId = traceIdOf(request.headers.traceparent);
    reply.header('x-request-id', request.id);
    if (request.traceId) reply.header('traceparent', request.headers.traceparent as string);
  });

  // Before compression: the error bodies are still text here.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && request.report.codes.length === 0) request.report.codes = codesInBody(payload);
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    const seconds = reply.elapsedTime / 1000;
    const { operation, type, codes } = request.report;
    metrics.observeHttp({ method: request.method, route, status: reply.statusCode, seconds });
    const isOperation = route === paths.graphql && !request.servedIde && request.method !== 'OPTIONS';
    if (isOperation) metrics.observeOperation({ operation, type, codes, seconds });
    // The line is built only when it will be written (LOG_LEVEL above info skips it on every request).
    if (reply.statusCode < 500 && !logger.pino.isLevelEnabled('info')) return;
    const line = {
      requestId: request.id,
      traceId: request.traceId ?? undefined,
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      operation: isOperation ? operation : undefined,
      cache: reply.getHeader(CACHE_HEADER),
      codes: codes.length ? codes : undefined,
      viewer: request.viewer?.name ?? null,
      client: request.ip,
    };
    if (reply.statusCode >= 500) logger.error('request', line);
    else logger.info('request', line);
  });

  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) {
      // From @fastify/rate-limit, which has set Retry-After (seconds) and the x-ratelimit-* headers.
      return reply.code(429).send({ errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryable: true } }] });
    }
    if (status === 413) {
      void reply.header('connection', 'close');
      return reply.code(413).send(errorBody(`Request body exceeds ${config.limits.maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE'));
    }
    if (status >= 400 && status < 500) {
      const message = /JSON/i.test(`${error.code} ${error.message}`) ? 'Request body is not valid JSON' : error.message;
      return reply.code(400).send(errorBody(message, 'BAD_REQUEST'));
    }
    if (reply.raw.destroyed || error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      // The client went away before its answer was sent (a closed tab, a timed-out client, a load
      // tester stopping): the compression stream reports it as an error, but nothing failed here and
      // nobody is left to answer. Not an error for an operator to chase.
      logger.info('the client closed the connection before the answer was sent', { requestId: request.id, path: request.url.split('?')[0] });
      return;
    }
    logger.error('unhandled HTTP error', { requestId: request.id, error: error.stack ?? String(error) });
    return reply.code(500).send(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
  });

  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send(errorBody(`Not found: ${request.url.split('?')[0]}; the API is at ${paths.graphql}`, 'NOT_FOUND')));

  registerResponseCache(app, { megabytes: config.responseCacheMb, path: paths.graphql, db, databaseUrl: config.databaseUrl, metrics, logger });
  await app.register(cors, {
    origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id', 'traceparent'],
    maxAge: 600,
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  // RATE_LIMIT_PER_MINUTE GraphQL requests per client address (request.ip: the socket, or
  // X-Forwarded-For through TRUST_PROXY_HOPS proxies) in a fixed one-minute window, counted in this
  // process's memory; checked first on the GraphQL route, before authentication and the body, so that
  // neither token guessing nor heavy queries escape it. Off (0) by default.
  await app.register(rateLimit, { global: false });
  const limitRate = config.rateLimitPerMinute > 0
    ? [app.rateLimit({
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => Object.assign(
        new Error(`Rate limit exceeded: more than ${context.max} requests a minute from this client; retry in ${context.after}`),
        { statusCode: 429 },
      ),
    })]
    : [];

  /** Bearer token, then (with REQUIRE_AUTH_FOR_READS) the requirement of one, before the body is read. */
  const authenticateRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = authenticate(request.headers.authorization, tokens);
    if ('invalid' in auth) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('Invalid bearer token', 'UNAUTHENTICATED'));
    }
    request.viewer = auth.principal;
    if (config.requireAuthForReads && !request.viewer) {
      return reply.code(401).header('www-authenticate', 'Bearer')
        .send(errorBody('This server requires a bearer token for every operation', 'UNAUTHENTICATED'));
    }
  };

  const graphql = fastifyApolloHandler<Context>(apollo, {
    context: async (request) => createContext(db, request.id, request.viewer, request.report),
  });
  app.route({
    method: ['GET', 'POST'],
    url: paths.graphql,
    onRequest: [...limitRate, authenticateRequest],
    handler: async (request, reply) => {
      if (ide && wantsIde(request)) {
        request.servedIde = true;
        const page = await ide();
        void reply.header('content-type', 'text/html; charset=utf-8').header('etag', page.etag)
          .header('cache-control', 'no-cache').header('vary', 'accept-encoding');
        if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
        if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
          return reply.header('content-encoding', 'gzip').send(page.gzip);
        }
        return reply.send(page.html);
      }
      return graphql.call(app, request as Parameters<typeof graphql>[0], reply as Parameters<typeof graphql>[1]);
    },
  });
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: paths.graphql,
    handler: async (_request, reply) => reply.code(405).header('allow', 'GET, POST').send(errorBody('Use GET or POST', 'BAD_REQUEST')),
  });

  app.get(paths.healthz, async (_request, reply) => {
    try {
      await checkRows(db, 'SELECT 1');
      return { status: 'ok' };
    } catch (e) {
      logger.error('health check failed', { error: (e as Error).message });
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  app.get(paths.readyz, async (_request, reply) => {
    const problems = state.draining ? ['draining: the server is shutting down'] : await readinessProblems(db, migrations);
    if (problems.length) return reply.code(503).send({ status: 'unavailable', problems });
    return { status: 'ready' };
  });

  app.get(paths.metrics, { onRequest: authenticateRequest }, async (_request, reply) =>
    reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics()));

  // The reference web app (web/dist) at the root. Hand-written rather than @fastify/static: its files
  // are a fixed list read once at start-up and served from memory, so no request path ever reaches the
  // file system. Compression, CORS and the response log apply as to every route; HEAD comes with GET.
  const web = loadWebApp();
  if (web) {
    for (const [file, asset] of web) {
      app.get(`${base}${file}`, async (_request, reply) => reply
        .header('content-type', asset.type).header('cache-control', asset.cacheControl).header('x-content-type-options', 'nosniff')
        .send(asset.body));
    }
    // The app's asset URLs are relative to its page, which must end in a slash.
    if (base !== '') app.get(base, async (_request, reply) => reply.redirect(`${base}/`, 302));
  } else {
    // Not built (npm run build:web): send people to the API and its IDE instead.
    logger.warn('the web app is not built (npm run build:web): the root redirects to the API');
    app.get(base === '' ? '/' : base, async (_request, reply) => reply.redirect(paths.graphql, 302));
    if (base !== '') app.get(`${base}/`, async (_request, reply) => reply.redirect(paths.graphql, 302));
  }

  return app;
}
