/**
 * Limits on what one operation may ask for, checked after validation and before any resolver runs
 * (Apollo's didResolveOperation hook). Tokens are limited while parsing (graphql's maxTokens).
 *
 * Depth counts nested fields. Cost estimates the rows an operation can touch: every field costs 1,
 * and a connection multiplies the cost of its selection by its page size (first/last, default 20);
 * a plain list field multiplies by LIST_FACTOR. Introspection is answered from memory and exempt from
 * depth, but each __schema or __type costs INTROSPECTION_COST, so aliasing it hundreds of times (each
 * answer is megabytes) is refused like any other costly query.
 */
import {
  GraphQLError, Kind, getNamedType, isListType, isNonNullType, isObjectType, isInterfaceType,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type GraphQLCompositeType, type ValueNode,
} from 'graphql';
import type { QueryLimits } from '../config.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/paging.ts';

export const LIST_FACTOR = 5;
export const INTROSPECTION_COST = 2_000;

export interface OperationMeasure {
  depth: number;
  cost: number;
  aliases: number;
}

const limitError = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

function intArg(field: FieldNode, name: string, variables: Record<string, unknown>, read?: Map<string, unknown>): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    read?.set(value.name.value, v);
    return typeof v === 'number' ? v : null;
  }
  return null;
}

const isConnection = (type: GraphQLOutputType) => getNamedType(type).name.endsWith('Connection');
const isList = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Measures an operation: depth, estimated cost and aliases, with fragments expanded.
 *
 * Linear in the size of the document: each named fragment is measured once (its depth relative to
 * where it is spread, its cost, its own aliases) and the figures are reused at every spread, so twenty
 * fragments each spreading the next twice cost twenty walks, not 2^20. Validation (NoFragmentCycles)
 * has already refused cycles; `visiting` guards anyway, so a cycle can never recurse forever.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  /** Filled with the variables the measure depends on (page sizes given as variables), and their values. */
  read?: Map<string, unknown>,
): OperationMeasure {
  let aliases = 0;
  /** Per fragment: the depth it adds below its spread and its cost. Aliases are counted on first measure. */
  const measured = new Map<string, { depth: number; cost: number }>();
  const visiting = new Set<string>();

  const measureFragment = (name: string): { depth: number; cost: number } | null => {
    const known = measured.get(name);
    if (known) return known;
    const frag = fragments[name];
    if (!frag || visiting.has(name)) return null;
    visiting.add(name);
    const result = walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType);
    visiting.delete(name);
    measured.set(name, result);
    return result;
  };

  /** Depth returned is relative to `set` (0 for a selection with no fields). */
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType): { depth: number; cost: number } => {
    let maxDepth = 0;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (sel.alias) aliases++;
        if (name === '__schema' || name === '__type') cost += INTROSPECTION_COST;
        if (name.startsWith('__')) continue;
        const fieldDef = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!fieldDef) continue; // validation already rejected unknown fields
        let fieldCost = 1;
        let fieldDepth = 1;
        if (sel.selectionSet) {
          const child = walk(sel.selectionSet, getNamedType(fieldDef.type) as GraphQLCompositeType);
          fieldDepth = 1 + child.depth;
          // Page sizes over the maximum are capped here so the resolver reports them (BAD_USER_INPUT).
          const factor = isConnection(fieldDef.type)
            ? Math.min(intArg(sel, 'first', variables, read) ?? intArg(sel, 'last', variables, read) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
            : name === 'nodes' ? MAX_PAGE_SIZE
            // A connection's edges are the page already counted by its first/last: not a list on top.
            : isList(fieldDef.type) && !parent.name.endsWith('Connection') ? LIST_FACTOR : 1;
          fieldCost += Math.max(factor, 1) * child.cost;
        }
        cost += fieldCost;
        maxDepth = Math.max(maxDepth, fieldDepth);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType : parent;
        const child = walk(sel.selectionSet, type);
        cost += child.cost;
        maxDepth = Math.max(maxDepth, child.depth);
      } else {
        // A fragment spread twice is counted once for aliases (it is one piece of text): measureFragment
        // walks it, and so counts its aliases, only the first time.
        const child = measureFragment(sel.name.value);
        if (!child) continue;
        cost += child.cost;
        maxDepth = Math.max(maxDepth, child.depth);
      }
    }
    return { depth: maxDepth, cost };
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { depth: 0, cost: 0, aliases: 0 };
  const { depth, cost } = walk(operation.selectionSet, root);
  return { depth, cost, aliases };
}

interface CachedMeasure {
  /** The variables the measure read, with the values it saw: it holds for a request with the same ones. */
  read: [string, unknown][];
  measure: OperationMeasure;
}
/** Per operation node (of a document Apollo's document store keeps): its last few measures. */
const measures = new WeakMap<OperationDefinitionNode, CachedMeasure[]>();
const fragmentsOf = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();
const MEASURES_PER_OPERATION = 8;

/**
 * measureOperation, memoised on the parsed document: a request whose document Apollo's document store
 * already holds, with the same page-size variables, reuses the figures (a list of at most
 * MEASURES_PER_OPERATION per operation, so variables that change on every request cannot grow it).
 */
export function measureOperationCached(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationMeasure {
  const list = measures.get(operation);
  const hit = list?.find((c) => c.read.every(([name, value]) => variables[name] === value));
  if (hit) return hit.measure;
  let fragments = fragmentsOf.get(document);
  if (!fragments) {
    fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    fragmentsOf.set(document, fragments);
  }
  const read = new Map<string, unknown>();
  const measure = measureOperation(schema, operation, fragments, variables, read);
  const entries = list ?? [];
  if (!list) measures.set(operation, entries);
  entries.unshift({ read: [...read], measure });
  if (entries.length > MEASURES_PER_OPERATION) entries.pop();
  return measure;
}

/** Raises the documented limit error for the first limit the operation exceeds. */
export function enforceLimits(measure: OperationMeasure, limits: QueryLimits) {
  if (measure.depth > limits.maxDepth) {
    throw limitError('QUERY_TOO_DEEP', `Query depth ${measure.depth} exceeds the maximum of ${limits.maxDepth}`);
  }
  if (measure.aliases > limits.maxAliases) {
    throw limitError('TOO_MANY_ALIASES', `Query uses ${measure.aliases} aliases; the maximum is ${limits.maxAliases}`);
  }
  if (measure.cost > limits.maxCost) {
    throw limitError(
      'QUERY_TOO_COMPLEX',
      `Query cost ${measure.cost} exceeds the maximum of ${limits.maxCost}; ask for smaller pages (first/last) or fewer nested lists`,
    );
  }
}
