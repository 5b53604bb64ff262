import { buildSchema, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { enforceLimits, measureOperation, measureOperationCached } from './limits.ts';
import { typeDefs } from './apollo.ts';

const schema = buildSchema(typeDefs);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return measureOperation(schema, op, fragments, variables);
}

describe('operation limits', () => {
  it('counts depth by nested fields', () => {
    expect(measure('{ stats { documents } }').depth).toBe(2);
    expect(measure('{ requests { edges { node { items { evidence { document { title } } } } } } }').depth).toBe(7);
  });

  it('multiplies a connection by its page size once (edges are that page), and plain lists by 5', () => {
    // requests(first: 10): 1 + 10 × (edges 1 + node 1 + slug 1) = 31
    expect(measure('{ requests(first: 10) { edges { node { slug } } } }').cost).toBe(31);
    // the default page is 20
    expect(measure('{ requests { edges { node { slug } } } }').cost).toBe(61);
    // items is a plain list: node 1 + items (1 + 5 × 1)
    expect(measure('{ requests(first: 1) { edges { node { items { category } } } } }').cost).toBe(1 + 1 * (1 + 1 + (1 + 5 * 1)));
    expect(measure('query($n: Int) { requests(first: $n) { edges { node { slug } } } }', { n: 2 }).cost).toBe(7);
  });

  it('counts aliases, expanding fragments, and leaves introspection out of depth and cost', () => {
    expect(measure('{ a: stats { documents } b: stats { actors } }').aliases).toBe(2);
    expect(measure('{ ...F } fragment F on Query { x: stats { documents } }').aliases).toBe(1);
    expect(measure("{ __schema { types { fields { type { name } } } } }")).toEqual({ depth: 0, cost: 2000, aliases: 0 });
    expect(measure("{ a: __schema { queryType { name } } b: __type(name: \"Actor\") { name } }")).toEqual({ depth: 0, cost: 4000, aliases: 2 });
  });

  it('measures each fragment once: a fan-out of spreads is linear to measure and its cost is exact', () => {
    const fanOut = (levels: number) => ['{ stats { ...F0 } }', ...Array.from({ length: levels }, (_, i) =>
      `fragment F${i} on Stats { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'documents'} }`)].join('\n');
    // stats (1) + 2^(levels-1) leaf fields
    expect(measure(fanOut(3))).toEqual({ depth: 2, cost: 1 + 4, aliases: 0 });
    expect(measure(fanOut(30))).toEqual({ depth: 2, cost: 1 + 2 ** 29, aliases: 0 });
    // Aliases inside a fragment spread many times count once; depth adds up through nested spreads.
    expect(measure('{ a: stats { ...A ...A } } fragment A on Stats { x: documents ...B } fragment B on Stats { y: actors }')).toEqual({ depth: 2, cost: 1 + 2 * 2, aliases: 3 });
    expect(measure('{ requests(first: 1) { ...R } } fragment R on RequestConnection { edges { node { ...N } } } fragment N on Request { items { category } }').depth).toBe(5);
  });

  it('refuses with the documented code of the first limit exceeded', () => {
    const limits = { maxBodyBytes: 1, maxDepth: 3, maxCost: 10, maxAliases: 1, maxTokens: 1 };
    expect(() => enforceLimits({ depth: 4, cost: 0, aliases: 0 }, limits)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP' }) }));
    expect(() => enforceLimits({ depth: 1, cost: 0, aliases: 2 }, limits)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_ALIASES' }) }));
    expect(() => enforceLimits({ depth: 1, cost: 11, aliases: 0 }, limits)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) }));
    expect(() => enforceLimits({ depth: 3, cost: 10, aliases: 1 }, limits)).not.toThrow();
  });

  it('memoises the measure per parsed document, and measures again when a page-size variable changes', () => {
    const doc = parse('query($n: Int, $q: String!) { requests(first: $n) { edges { node { slug } } } search(query: $q) { totalCount } }');
    const op = doc.definitions[0] as OperationDefinitionNode;
    const first = measureOperationCached(schema, doc, op, { n: 2, q: 'a' });
    expect(first.cost).toBe(measure('{ requests(first: 2) { edges { node { slug } } } search(query: "a") { totalCount } }').cost);
    // Same document, same page size, another search text: the same figures object, not a new walk.
    expect(measureOperationCached(schema, doc, op, { n: 2, q: 'b' })).toBe(first);
    // Another page size is another cost.
    const bigger = measureOperationCached(schema, doc, op, { n: 50, q: 'a' });
    expect(bigger).not.toBe(first);
    expect(bigger.cost).toBeGreaterThan(first.cost);
    expect(measureOperationCached(schema, doc, op, { n: 2, q: 'c' })).toBe(first);
  });
});
