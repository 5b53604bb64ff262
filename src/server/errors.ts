/**
 * Shapes every error the API returns: domain errors keep their documented code and details; errors
 * Apollo or graphql-js raise keep theirs (with the few remaps below); anything else is an internal
 * error, logged in full and, in production, returned without its message.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isBusyError } from '../db/busy.ts';
import { isReadWorkerLost } from '../db/read-pool.ts';
import { isDomainError, serviceBusy } from '../domain/errors.ts';
import type { Logger } from './logger.ts';
import { toGlobalId, type NodeType } from '../resolvers/global-id.ts';

/** Codes clients may see; anything else becomes INTERNAL_SERVER_ERROR. */
export const ERROR_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS', 'PAYLOAD_TOO_LARGE',
  // Automatic persisted queries: a hash the server has not seen yet (the client retries with the text).
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  // The database stayed locked by other writers past BUSY_TIMEOUT_MS, or a read lost its worker thread
  // twice (extensions.retryable: true; HTTP 503 with Retry-After).
  'SERVICE_BUSY',
  // More GraphQL requests from one client address than RATE_LIMIT_PER_MINUTE (HTTP 429 with Retry-After).
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
]);

export function createFormatError(production: boolean, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(error);
    // A statement that waited out the busy timeout: the transaction rolled back, so a retry is safe.
    if (!isDomainError(original) && isBusyError(original)) {
      logger.warn('database busy past the busy timeout', { path: formatted.path });
      original = serviceBusy();
    } else if (!isDomainError(original) && isReadWorkerLost(original)) {
      // A read whose worker thread stopped twice under it (src/db/read-pool.ts): nothing was written.
      logger.warn('a read lost its worker twice', { path: formatted.path });
      original = serviceBusy('The server could not finish this read (its worker stopped); nothing was written. Retry in a moment.');
    }
    if (isDomainError(original)) {
      // Records named in details ({ existing: { type, id } }) are given to clients as global IDs.
      const { existing, ...details } = original.details as { existing?: { type: NodeType; id: string } };
      const ids = existing ? { existingId: toGlobalId(existing.type, existing.id) } : {};
      return { ...formatted, message: original.message, extensions: { ...details, ...ids, code: original.code } };
    }
    let code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    // graphql-js reports the token limit as a syntax error; give it its own documented code.
    // (graphql 16 words it "more that N tokens"; accept the corrected wording too.)
    if (code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message)) code = 'TOO_MANY_TOKENS';
    // A bad literal for a custom scalar (PartialDate) is bad user input, not a schema mismatch: Apollo
    // wraps the scalar's own error in a validation error, so look at what it wraps.
    const cause = original instanceof GraphQLError ? original.originalError : undefined;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && cause instanceof GraphQLError && cause.extensions?.code === 'BAD_USER_INPUT') {
      code = 'BAD_USER_INPUT';
    }
    // Apollo refuses some requests (an APQ hash that does not match its query) with an HTTP 4xx and no
    // code: the client's mistake, not an internal error.
    const ownExtensions = original instanceof GraphQLError ? (original.extensions as { code?: unknown; http?: { status?: number } }) : undefined;
    const httpStatus = ownExtensions?.http?.status;
    if (code === 'INTERNAL_SERVER_ERROR' && ownExtensions?.code === undefined && httpStatus && httpStatus >= 400 && httpStatus < 500) {
      code = 'BAD_REQUEST';
    }
    if (!ERROR_CODES.has(code) || code === 'INTERNAL_SERVER_ERROR') {
      logger.error('internal error', {
        error: original instanceof Error ? original.stack ?? original.message : String(original),
        path: formatted.path,
      });
      const message = production ? 'Internal server error' : formatted.message;
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  };
}
