/**
 * The errors services raise. Each carries one of the documented `extensions.code` values of the API
 * (see schema.graphql, "Errors"); the server turns them into GraphQL errors unchanged, and masks
 * anything else as INTERNAL_SERVER_ERROR.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** The store stayed locked by other writers past the busy timeout: nothing was written; retry later. */
  | 'SERVICE_BUSY';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable detail, e.g. the offending field or the existing record's id. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new DomainError('NOT_FOUND', message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, details);

export const serviceBusy = (message = 'The database is busy with other writes; nothing was written. Retry in a moment.') =>
  new DomainError('SERVICE_BUSY', message, { retryable: true });

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
