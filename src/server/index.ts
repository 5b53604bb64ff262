/**
 * Starts the API: Apollo Server on Fastify. Returns the URL and a close() that drains: /readyz turns 503,
 * the listener stops taking connections, in-flight requests finish (cut after a bound), then Apollo stops.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createApollo } from './apollo.ts';
import { createHttpApp, type ServerState } from './http.ts';
import type { Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { parseTokens } from '../auth/tokens.ts';

export interface RunningServer {
  /** The GraphQL endpoint. */
  url: string;
  /** scheme://host:port, without BASE_PATH. */
  origin: string;
  app: FastifyInstance;
  state: ServerState;
  metrics: Metrics;
  /**
   * Drains and stops. Resolves with `forced: true` when requests were still running after
   * `timeoutMs` and their connections were cut.
   */
  close(timeoutMs?: number): Promise<{ forced: boolean }>;
}

export async function startServer(config: Config, db: Db, logger: Logger, metrics: Metrics = createMetrics()): Promise<RunningServer> {
  const tokens = parseTokens(config.tokens);
  const apollo = createApollo(config, logger);
  await apollo.start();
  const state: ServerState = { draining: false };
  const app = await createHttpApp({ config, apollo, db, logger, metrics, tokens, state });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const origin = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let closing: Promise<{ forced: boolean }> | undefined;
  return {
    url: `${origin}${config.basePath}/graphql`,
    origin,
    app,
    state,
    metrics,
    close(timeoutMs = config.shutdownTimeoutMs) {
      closing ??= (async () => {
        state.draining = true;
        let forced = false;
        const timer = setTimeout(() => {
          forced = true;
          app.server.closeAllConnections();
        }, timeoutMs);
        // Fastify closes the listener and idle keep-alive sockets, answers 503 to new requests on busy
        // ones, and resolves when the in-flight requests have been answered.
        await app.close();
        clearTimeout(timer);
        await apollo.stop();
        return { forced };
      })();
      return closing;
    },
  };
}
