/** The Apollo Server instance: schema, resolvers, limits, error shaping, request logs, the IDE. */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { projectRoot, type Config } from '../config.ts';
import type { Context } from '../context.ts';
import { resolvers } from '../resolvers/index.ts';
import { createFormatError } from './errors.ts';
import { idePlugin } from './ide.ts';
import { enforceLimits, measureOperation } from './limits.ts';
import type { Logger } from './logger.ts';

export const typeDefs = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');

function limitsPlugin(limits: Config['limits']): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          enforceLimits(measureOperation(schema, operation, fragments, request.variables ?? {}), limits);
        },
      };
    },
  };
}

/** With REQUIRE_AUTH_FOR_READS, every operation needs a valid token (writes always do, in services). */
function readAuthPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          if (!contextValue.viewer) {
            throw new GraphQLError('This server requires a bearer token for every operation', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}

/** One log line per GraphQL request: operation, duration, error codes. */
function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, response }) {
          logger.info('graphql request', {
            requestId: contextValue.requestId,
            operation: operationName ?? null,
            viewer: contextValue.viewer?.name ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            status: response.http.status ?? 200,
            errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          });
        },
      };
    },
  };
}

export function createApollo(config: Config, logger: Logger) {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers: resolvers as never,
    introspection: config.introspection,
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
      config.introspection ? idePlugin() : ApolloServerPluginLandingPageDisabled(),
      ...(config.requireAuthForReads ? [readAuthPlugin()] : []),
      limitsPlugin(config.limits),
      requestLogPlugin(logger),
    ],
  });
}
