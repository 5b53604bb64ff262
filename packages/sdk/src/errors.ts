/**
 * The error codes the dossier API documents (schema.graphql, "Errors"), plus the client's own two, and
 * the extensions each code carries, typed per code: narrowing on `code` gives `currentVersion` on a
 * stale-version CONFLICT as a number, not `unknown`.
 */

/** Details every domain error may name: the input field at fault (e.g. `input.items[2].category`). */
interface FieldDetail {
  /** The argument or input field at fault. */
  readonly field?: string;
}

/** Extensions of each documented code. Every one also has `code` itself. */
export interface DossierErrorExtensionsByCode {
  /** An argument is malformed or out of range. */
  BAD_USER_INPUT: FieldDetail;
  /** A record named by ID or slug does not exist. */
  NOT_FOUND: FieldDetail;
  /** The write collides with existing data: a stale version, a duplicate, or spans still pointing in. */
  CONFLICT: FieldDetail & {
    /** Stale version (`field: 'expectedVersion'`): the record's version now. Reload and retry. */
    readonly currentVersion?: number;
    /** Duplicate: the global ID of the record that already holds this data. */
    readonly existingId?: string;
    /** Duplicate document: the slug of the document already holding this text. */
    readonly existingSlug?: string;
    /** Refused delete or body change: how many evidence spans point into the document. */
    readonly evidence?: number;
  };
  UNAUTHENTICATED: Record<never, never>;
  FORBIDDEN: Record<never, never>;
  GRAPHQL_PARSE_FAILED: Record<never, never>;
  GRAPHQL_VALIDATION_FAILED: Record<never, never>;
  BAD_REQUEST: Record<never, never>;
  OPERATION_RESOLUTION_FAILURE: Record<never, never>;
  PERSISTED_QUERY_NOT_FOUND: Record<never, never>;
  PERSISTED_QUERY_NOT_SUPPORTED: Record<never, never>;
  QUERY_TOO_DEEP: Record<never, never>;
  QUERY_TOO_COMPLEX: Record<never, never>;
  TOO_MANY_ALIASES: Record<never, never>;
  TOO_MANY_TOKENS: Record<never, never>;
  PAYLOAD_TOO_LARGE: Record<never, never>;
  /** The database stayed locked by other writers past the server's busy timeout; nothing was written. Retry after a short wait. */
  SERVICE_BUSY: {
    readonly retryable: true;
  };
  /** More requests from this client than the server's rate limit allows; nothing was run. Retry after the response's Retry-After seconds. */
  RATE_LIMITED: {
    readonly retryable: true;
  };
  INTERNAL_SERVER_ERROR: Record<never, never>;
  /** Client side: the server could not be reached or did not answer in time (after any retries). */
  NETWORK_ERROR: Record<never, never>;
  /** Client side: an HTTP error or a body that is not a GraphQL response (e.g. a proxy's error page). */
  BAD_RESPONSE: Record<never, never>;
}

/** The codes the server documents, plus the client's own NETWORK_ERROR and BAD_RESPONSE. */
export type DossierErrorCode = keyof DossierErrorExtensionsByCode;

/** The extensions of an error with code C (`code` included). */
export type DossierErrorExtensions<C extends DossierErrorCode = DossierErrorCode> = {
  [K in C]: DossierErrorExtensionsByCode[K] & { readonly code: K };
}[C];

/** One GraphQL error of a response, discriminated by `code`. */
export type DossierGraphQLError<C extends DossierErrorCode = DossierErrorCode> = {
  [K in C]: {
    readonly message: string;
    readonly code: K;
    readonly path: ReadonlyArray<string | number> | undefined;
    readonly extensions: DossierErrorExtensions<K>;
  };
}[C];

export const DOSSIER_ERROR_CODES: readonly DossierErrorCode[] = [
  'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS', 'PAYLOAD_TOO_LARGE',
  'SERVICE_BUSY', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR', 'NETWORK_ERROR', 'BAD_RESPONSE',
];

export const isDossierErrorCode = (value: unknown): value is DossierErrorCode =>
  typeof value === 'string' && (DOSSIER_ERROR_CODES as readonly string[]).includes(value);

/**
 * Turns a raw GraphQL error (from graphql-request, Apollo Client or urql) into a typed one. A code
 * this SDK does not know is reported as INTERNAL_SERVER_ERROR, keeping the message.
 */
export function toDossierGraphQLError(err: {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number> | undefined;
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}): DossierGraphQLError {
  const raw = err.extensions ?? {};
  const code: DossierErrorCode = isDossierErrorCode(raw['code']) ? raw['code'] : 'INTERNAL_SERVER_ERROR';
  return { message: err.message, code, path: err.path, extensions: { ...raw, code } } as DossierGraphQLError;
}
