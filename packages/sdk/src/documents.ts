/**
 * TypedDocumentNode documents for every operation in operations/ (graphql-codegen client preset), with
 * their result, variables, fragment, input and enum types: `useQuery(RequestDetailDocument, …)`; and
 * `possibleTypes` for Apollo Client's `InMemoryCache({ possibleTypes })` or urql's graphcache.
 */
export * from './generated/documents/graphql.ts';
import result from './generated/possible-types.ts';
/** Every union and interface with its member types: `new InMemoryCache({ possibleTypes })`. */
export const possibleTypes: Record<string, string[]> = result.possibleTypes;
