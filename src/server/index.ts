/**
 * Starts the API: Apollo Server over node:http. Returns the URL and a close() that stops accepting
 * connections, lets in-flight requests finish, and stops Apollo.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createApollo } from './apollo.ts';
import { createHttpHandler, GRAPHQL_PATH } from './http.ts';
import type { Logger } from './logger.ts';
import { parseTokens } from '../auth/tokens.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, db: Db, logger: Logger): Promise<RunningServer> {
  const tokens = parseTokens(config.tokens);
  const apollo = createApollo(config, logger);
  await apollo.start();
  const server = http.createServer(createHttpHandler({ apollo, db, logger, maxBodyBytes: config.limits.maxBodyBytes, tokens }));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}${GRAPHQL_PATH}`;
  return {
    url,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
