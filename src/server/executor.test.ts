import { makeExecutableSchema } from '@graphql-tools/schema';
import { getOperationAST, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { createCompiledExecutor, executorStats } from './executor.ts';

const typeDefs = `
  type Query { page: Page! hello(name: String!): String! }
  type Page { totalCount: Int! items: [String!]! }
`;

function setUp(capacity?: number) {
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: {
      // totalCount as our connections give it: a function, counted only when asked.
      Query: { page: () => ({ totalCount: () => Promise.resolve(3), items: ['a', 'b', 'c'] }), hello: (_: unknown, a: { name: string }) => `hi ${a.name}` },
    },
  });
  const gateway = createCompiledExecutor(schema, typeDefs, capacity);
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((s) => { apiSchema = s.apiSchema; });
  return { schema, gateway, loaded: gateway.load({ apollo: {} as never }).then((r) => ({ executor: r.executor!, apiSchema })) };
}

/** The request context Apollo hands a gateway's executor (the parts the executor reads). */
const request = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
  const document = parse(query);
  return {
    document, queryHash: query, operation: getOperationAST(document, operationName) ?? undefined,
    request: { query, variables, operationName }, context: {},
  } as never;
};

describe('createCompiledExecutor', () => {
  it('hands Apollo the schema on load, and answers as graphql-js, calling a lazy totalCount', async () => {
    const { schema, loaded } = setUp();
    const { executor, apiSchema } = await loaded;
    expect(apiSchema).toBe(schema);
    expect(await executor(request('{ page { totalCount items } }'))).toEqual({ data: { page: { totalCount: 3, items: ['a', 'b', 'c'] } } });
    // The schema our resolvers see keeps "no resolver" on totalCount (the column lookahead reads it).
    expect((schema.getType('Page') as GraphQLObjectType).getFields().totalCount!.resolve).toBeUndefined();
  });

  it('compiles an operation once per text and name, and compiles again what the LRU dropped', async () => {
    const { executor } = (await setUp(2).loaded);
    const before = executorStats.compiled;
    const texts = ['{ page { items } }', '{ page { totalCount } }', '{ hello(name: "x") }'];
    for (let i = 0; i < 3; i++) await executor(request(texts[0]!));
    expect(executorStats.compiled - before).toBe(1);
    await executor(request('query A { page { items } } query B { hello(name: "b") }', {}, 'A'));
    await executor(request('query A { page { items } } query B { hello(name: "b") }', {}, 'B'));
    expect(executorStats.compiled - before).toBe(3);
    // capacity 2: the first text was dropped by now
    await executor(request(texts[1]!));
    await executor(request(texts[0]!));
    expect(executorStats.compiled - before).toBe(5);
  });

  it('leaves to graphql-js a document without the operation asked for, and variables that do not coerce', async () => {
    const { executor } = (await setUp().loaded);
    const runs = executorStats.graphqlJsRuns;
    const none = await executor(request('query A { page { items } }', {}, 'Z'));
    expect(none.errors?.[0]?.message).toBe('Unknown operation named "Z".');
    const bad = await executor(request('query ($n: String!) { hello(name: $n) }', { n: 5 }));
    expect(bad.data).toBeUndefined();
    expect(bad.errors?.[0]?.message).toBe('Variable "$n" got invalid value 5; String cannot represent a non string value: 5');
    expect(bad.errors?.[0]?.nodes?.length).toBe(1);
    expect(executorStats.graphqlJsRuns - runs).toBe(2);
  });
});
