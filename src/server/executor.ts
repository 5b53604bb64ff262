/**
 * A compiled executor (graphql-jit) behind Apollo Server, with graphql-js as the fallback.
 *
 * Apollo Server 5 has no option to replace graphql-js's `execute`; the one seam it offers is the
 * `gateway` interface (`load()` returning `{ schema, executor }`), which Apollo Federation's gateway
 * uses. Apollo still parses, validates (with its own rules and ours), resolves the operation, runs every
 * plugin hook (didResolveOperation: our limits; willSendResponse: the report and SERVICE_BUSY's 503),
 * formats errors (formatError, masking) and stops; only the call to `execute` goes through here. No
 * library wraps graphql-jit for Apollo Server 5, hence this glue. (Read in Apollo Server 5.5's request
 * pipeline: introspection's refusal and `hideSchemaDetailsFromClientErrors` are validation, the
 * landing page and the default plugins do not depend on the mode, and `stop()` calls the gateway's.
 * One thing a gateway loses: a plugin's `willResolveField` would not see compiled fields. None of ours
 * has one; the cache-control plugin, which does, is disabled in apollo.ts.)
 *
 * Each operation is compiled once per query text and operation name (a bounded LRU), never per request.
 * Anything graphql-jit refuses to compile, and any document without the operation asked for, is executed
 * by graphql-js, which gives the errors graphql-js would give.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  defaultFieldResolver, execute, GraphQLError, isObjectType,
  type DocumentNode, type ExecutionResult, type GraphQLField, type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * How many compiled operations are kept (one per query text and operation name). Clients send a few
 * dozen distinct operations; each compiled one holds generated functions (tens of KB), so the bound keeps
 * a client that sends ever-new texts from growing the heap: the least recently used is compiled again.
 */
export const COMPILED_OPERATIONS = 200;

/** graphql-js, for what is not compiled. */
const GRAPHQL_JS = 'graphql-js' as const;

/**
 * graphql-jit's errors are objects of its own class whose prototype is graphql-js's, with no
 * `extensions` unless the cause had some; Apollo's error formatting reads `extensions.code` of every
 * error and fails on them. The same error as graphql-js would build it: message, path, cause (whose
 * extensions it takes), and the locations graphql-jit computed.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
  if (e.locations) (error as { locations?: GraphQLError['locations'] }).locations = e.locations;
  return error;
}

/**
 * Fields without a resolver whose value in our parents may be a function: a connection's `totalCount`
 * is counted only when asked (src/services/pagination.ts). graphql-js's default resolver calls such a
 * function; graphql-jit reads a field without a resolver as a plain property. So while an operation is
 * compiled, these fields carry graphql-js's default resolver, and lose it again once compiled: the
 * schema our resolvers see in `info` stays the one Apollo validates with, where "no resolver" tells the
 * column lookahead (src/resolvers/shapes.ts) that a field reads nothing but its own property.
 * Compilation is synchronous, so no request ever sees the schema in between.
 */
const LAZY_FIELDS = new Set(['totalCount']);

function withLazyFields<T>(schema: GraphQLSchema, compile: () => T): T {
  const patched: GraphQLField<unknown, unknown>[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (LAZY_FIELDS.has(field.name) && !field.resolve) {
        field.resolve = defaultFieldResolver;
        patched.push(field);
      }
    }
  }
  try {
    return compile();
  } finally {
    for (const field of patched) field.resolve = undefined;
  }
}

/** What the compiled executors of this process did (read by tests). */
export interface ExecutorStats {
  /** Operations compiled (each once per query text and operation name, while it stays in the LRU). */
  compiled: number;
  /** Operations graphql-jit refused to compile (run by graphql-js). */
  refused: number;
  /** Requests run by compiled code, and requests run by graphql-js. */
  compiledRuns: number;
  graphqlJsRuns: number;
}

/** Counts over every compiled executor of the process. */
export const executorStats: ExecutorStats = { compiled: 0, refused: 0, compiledRuns: 0, graphqlJsRuns: 0 };

export function createCompiledExecutor(schema: GraphQLSchema, typeDefs: string, capacity = COMPILED_OPERATIONS): Gateway {
  const cache = new LRUCache<string, CompiledQuery | typeof GRAPHQL_JS>({ max: capacity });
  const stats = executorStats;
  const graphqlJs = (ctx: Parameters<Executor>[0], variables: Record<string, unknown>, operationName: string | undefined) => {
    stats.graphqlJsRuns++;
    return execute({ schema, document: ctx.document, contextValue: ctx.context, variableValues: variables, operationName }) as Promise<ExecutionResult>;
  };

  const compile = (document: DocumentNode, operationName: string | undefined): CompiledQuery | typeof GRAPHQL_JS => {
    try {
      const compiled = withLazyFields(schema, () => compileQuery(schema, document, operationName, {
        // Stack traces of errors are never sent (includeStacktraceInErrorResponses: false); errors thrown
        // by resolvers keep their own.
        disablingCapturingStackErrors: true,
      }));
      if (isCompiledQuery(compiled)) {
        stats.compiled++;
        return compiled;
      }
    } catch {
      // an operation graphql-jit cannot compile: graphql-js runs it
    }
    stats.refused++;
    return GRAPHQL_JS;
  };

  const executor: Executor = async (ctx) => {
    const { request } = ctx;
    const variables = request.variables ?? {};
    const operationName = request.operationName ?? undefined;
    // Without the operation asked for, graphql-js words the error Apollo reports.
    let runner: CompiledQuery | typeof GRAPHQL_JS = GRAPHQL_JS;
    if (ctx.operation) {
      const key = `${operationName ?? ''}\u0000${ctx.queryHash}`;
      let hit = cache.get(key);
      if (hit === undefined) {
        hit = compile(ctx.document, operationName);
        cache.set(key, hit);
      }
      runner = hit;
    }
    if (runner === GRAPHQL_JS) return await graphqlJs(ctx, variables, operationName);
    stats.compiledRuns++;
    const result = await runner.query(undefined, ctx.context, variables);
    // No `data` at all: the variables did not coerce and nothing ran. graphql-js words those errors the
    // way Apollo recognises as bad user input (HTTP 400, BAD_USER_INPUT), so it answers them.
    if (!('data' in result)) return await graphqlJs(ctx, variables, operationName);
    if (result.errors) (result as { errors: GraphQLError[] }).errors = result.errors.map(asGraphQLError);
    return result;
  };

  let listeners: Parameters<Gateway['onSchemaLoadOrUpdate']>[0][] = [];
  const gateway: Gateway = {
    onSchemaLoadOrUpdate(callback) {
      listeners.push(callback);
      return () => {
        listeners = listeners.filter((l) => l !== callback);
      };
    },
    async load() {
      // Apollo learns the schema only through this callback (it never changes here).
      for (const l of listeners) l({ apiSchema: schema, coreSupergraphSdl: typeDefs });
      return { executor };
    },
    async stop() {
      cache.clear();
    },
  };
  return gateway;
}
