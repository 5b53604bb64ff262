/**
 * The Apollo Server instance: schema, resolvers, limits, error shaping, and the report each response
 * gives the HTTP layer. Read authentication happens earlier, in the HTTP layer, before any parsing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { projectRoot, type Config } from '../config.ts';
import type { Context } from '../context.ts';
import { resolvers } from '../resolvers/index.ts';
import { createFormatError } from './errors.ts';
import { createCompiledExecutor } from './executor.ts';
import { enforceLimits, measureOperationCached } from './limits.ts';
import type { Logger } from './logger.ts';

export const typeDefs = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');

/** Seconds a client is told to wait (`Retry-After`) before sending an operation refused as SERVICE_BUSY again. */
export const SERVICE_BUSY_RETRY_AFTER_S = 2;

/**
 * Our per-operation rules, as one plugin whose listener is the same object for every request: Apollo
 * calls each plugin's `requestDidStart` and each hook of every listener through a promise of its own,
 * so four small plugins (as this was) cost four times the bookkeeping of one. In order:
 *
 * didResolveOperation
 * - Subscriptions are not served (no Subscription type, no transport for them): refuse one as the
 *   client's mistake, BAD_REQUEST with HTTP 400, before graphql-js fails on it as an internal error.
 * - The limits (depth, cost, aliases). Apollo's document store hands back the same parsed document for
 *   the same query text, so the measure is computed once per document (and page-size variables).
 *
 * willSendResponse
 * - Reports the operation and the codes of the errors as the client receives them (after formatError)
 *   to the HTTP layer, which writes one log line and the metrics per response.
 * - A response carrying SERVICE_BUSY is answered HTTP 503 with `Retry-After`, so proxies, load
 *   balancers and generic HTTP clients see "temporarily unavailable, try again" without reading the
 *   body. The code is only known after formatError has recognised a driver's busy error (or a read
 *   worker that stopped twice), which is after Apollo has read any `extensions.http` of the errors: so
 *   it is set here, on the response Apollo is about to send. The body still carries `data` for any root
 *   field that succeeded.
 */
function operationRulesPlugin(limits: Config['limits']): ApolloServerPlugin<Context> {
  const listener: GraphQLRequestListener<Context> = {
    async didResolveOperation({ operation, document, schema, request }) {
      if (!operation) return;
      if (operation.operation === 'subscription') {
        throw new GraphQLError('Subscriptions are not supported: this API answers queries and mutations over HTTP', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
      enforceLimits(measureOperationCached(schema, document, operation, request.variables ?? {}), limits);
    },
    async willSendResponse({ contextValue, operationName, operation, response }) {
      const report = contextValue.report;
      report.operation = operationName ?? operation?.name?.value ?? null;
      report.type = operation?.operation ?? null;
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      if (!errors) {
        report.codes = [];
        return;
      }
      report.codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      if (!report.codes.includes('SERVICE_BUSY')) return;
      response.http.status = 503;
      response.http.headers.set('retry-after', String(SERVICE_BUSY_RETRY_AFTER_S));
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/** The executable schema: the SDL with the resolvers, built as Apollo builds it from `typeDefs` + `resolvers`. */
export const buildSchema = () => makeExecutableSchema({ typeDefs, resolvers: resolvers as never });

export function createApollo(config: Config, logger: Logger) {
  // GRAPHQL_EXECUTOR: graphql-jit's compiled code through the gateway seam (src/server/executor.ts), or
  // Apollo's own graphql-js execution. Everything else below is the same for both.
  const execution = config.executor === 'compiled'
    ? { gateway: createCompiledExecutor(buildSchema(), typeDefs) }
    : { typeDefs, resolvers: resolvers as never };
  return new ApolloServer<Context>({
    ...execution,
    introspection: config.introspection,
    // "Did you mean …?" suggestions tell the schema to whoever asks: hide them when introspection is off.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    // The HTTP layer drains on SIGTERM and stops Apollo last (src/main.ts); Apollo's own handler would
    // stop it first and fail the requests still in flight.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError: createFormatError(config.production, logger),
    logger: {
      debug: (m) => logger.debug(String(m)),
      info: (m) => logger.debug(String(m)),
      warn: (m) => logger.warn(String(m)),
      error: (m) => logger.error(String(m)),
    },
    plugins: [
      // The IDE is served by the HTTP layer (src/server/ide.ts), compressed once and cached.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs these by default (or when an Apollo key or a subgraph schema appears); none is
      // used here, and the cache-control one runs a hook for every resolved field (profiled: ~2% of a
      // title list's CPU).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      operationRulesPlugin(config.limits),
    ],
  });
}
