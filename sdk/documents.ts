/**
 * TypedDocumentNode documents for every operation in sdk/operations (graphql-codegen client preset),
 * with their result, variables, fragment, input and enum types: `useQuery(RequestDetailDocument, …)`.
 */
export * from './generated/documents/graphql.ts';
