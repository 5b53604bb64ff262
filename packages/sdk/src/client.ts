/**
 * A small client for the dossier API: one typed method per operation (methods.ts) over
 * graphql-request and Node 20's global fetch, with a bearer token, every failure raised as a
 * DossierError carrying the GraphQL `extensions.code` and `path`, and retries for network failures only.
 */
import { ClientError, GraphQLClient } from 'graphql-request';
import { createMethods, type OperationCall, type OperationType, type Sdk } from './methods.ts';
import {
  toDossierGraphQLError, type DossierErrorCode, type DossierErrorExtensions, type DossierGraphQLError,
} from './errors.ts';

/**
 * What every SDK call throws. `code`, `path` and `extensions` are those of the first error, typed per
 * code: `if (e.is('CONFLICT')) e.extensions.currentVersion` is a `number | undefined`.
 */
export class DossierError extends Error {
  override readonly name = 'DossierError';
  readonly code: DossierErrorCode;
  readonly path: ReadonlyArray<string | number> | undefined;
  /** Narrow with `is(code)` to read a code's own extensions (e.g. CONFLICT's `currentVersion`). */
  readonly extensions: DossierErrorExtensions;
  /** Every error of the response, each discriminated by its `code`. */
  readonly errors: readonly DossierGraphQLError[];
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Whatever data came with the errors (null fields where errors occurred). */
  readonly data: unknown;
  readonly operationName: string;
  /** HTTP attempts made (more than 1 only after network failures). */
  readonly attempts: number;

  constructor(init: {
    errors: DossierGraphQLError[]; operationName: string; attempts: number;
    status?: number | undefined; data?: unknown; cause?: unknown;
  }) {
    const first: DossierGraphQLError = init.errors[0] ?? { message: 'Unknown error', code: 'BAD_RESPONSE', path: undefined, extensions: { code: 'BAD_RESPONSE' } };
    super(`${init.operationName}: ${first.message} [${first.code}]`, { cause: init.cause });
    this.code = first.code;
    this.path = first.path;
    this.extensions = first.extensions;
    this.errors = init.errors;
    this.status = init.status;
    this.data = init.data ?? null;
    this.operationName = init.operationName;
    this.attempts = init.attempts;
  }

  /** Narrows the error (and its `extensions`) to one code. */
  is<K extends DossierErrorCode>(code: K): this is this & { readonly code: K; readonly extensions: DossierErrorExtensions<K> } {
    return this.code === code;
  }
}

export interface DossierClientOptions {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  endpoint: string;
  /** Bearer token (the secret of a DOSSIER_TOKENS entry); writes need one. */
  token?: string | undefined;
  /** Extra headers for every request. */
  headers?: Record<string, string> | undefined;
  /** Retries after a network failure (default 2). GraphQL and HTTP errors are never retried. */
  retries?: number | undefined;
  /** Delay before the first retry, doubled for each further one (default 250 ms). */
  retryDelayMs?: number | undefined;
  /** Time limit of one attempt (default 30 s). */
  timeoutMs?: number | undefined;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch | undefined;
}

/** Every operation of operations/ as a typed method: `client.requestDetail({ slug })`. */
export type DossierClient = Sdk;

/** A failure below HTTP: nothing (or no complete response) came back. */
class NetworkFailure extends Error {
  constructor(cause: unknown) {
    // Duck-typed, not instanceof: fetch's errors may come from another realm (e.g. under jest).
    // fetch says only "fetch failed"; the reason (ECONNREFUSED…) is in its own cause.
    const err = cause as { message?: string; cause?: { message?: string } } | undefined;
    super(`${err?.message ?? String(cause)}${err?.cause?.message ? ` (${err.cause.message})` : ''}`, { cause });
  }
  /** The connection was refused, so the request was never sent: safe to retry even a mutation. */
  get neverSent(): boolean {
    const c = (this.cause as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause;
    const code = c?.code ?? c?.errors?.[0]?.code;
    return code === 'ECONNREFUSED' || code === 'EAI_AGAIN';
  }
}

/**
 * Wraps fetch so that every network-level failure, including one while reading the body, surfaces as a
 * NetworkFailure, and each attempt has a time limit. A caller's own abort is passed through untouched.
 */
function guardedFetch(fetchImpl: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const callerSignal = init?.signal ?? undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    try {
      const res = await fetchImpl(input, { ...init, signal });
      const body = await res.arrayBuffer();
      return new Response(res.status === 204 ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } catch (e) {
      if (callerSignal?.aborted) throw e;
      throw new NetworkFailure(e);
    }
  };
}

function toDossierError(e: ClientError, operationName: string, attempts: number): DossierError {
  const { errors, status, data } = e.response;
  const list: DossierGraphQLError[] = (errors ?? []).map((err) => toDossierGraphQLError(err));
  // A non-GraphQL error response (no `errors` in the body).
  if (list.length === 0) list.push({ message: `HTTP ${status}`, code: 'BAD_RESPONSE', path: undefined, extensions: { code: 'BAD_RESPONSE' } });
  return new DossierError({ errors: list, operationName, attempts, status, data, cause: e });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A missing or relative endpoint (an unset environment variable, `/graphql`) is the caller's mistake,
 * said at once: otherwise every call would fail later as a BAD_RESPONSE "Invalid URL".
 */
function checkEndpoint(endpoint: unknown): void {
  let url: URL | null = null;
  try {
    url = new URL(String(endpoint));
  } catch {
    // said below
  }
  if (typeof endpoint !== 'string' || !url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`createDossierClient: endpoint must be an absolute http(s) URL such as http://127.0.0.1:4000/graphql, got ${JSON.stringify(endpoint) ?? String(endpoint)}`);
  }
}

export function createDossierClient(options: DossierClientOptions): DossierClient {
  const { endpoint, token, retries = 2, retryDelayMs = 250, timeoutMs = 30_000 } = options;
  checkEndpoint(endpoint);
  const client = new GraphQLClient(endpoint, {
    // content-type application/json is always sent (graphql-request sets it on POST), which also
    // satisfies the server's CSRF prevention.
    headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    fetch: guardedFetch(options.fetch ?? globalThis.fetch, timeoutMs),
  });

  const withErrorsAndRetries = async <T>(action: () => Promise<T>, operationName: string, operationType: OperationType): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await action();
      } catch (e) {
        if (e instanceof ClientError) throw toDossierError(e, operationName, attempt);
        if (!(e instanceof NetworkFailure)) {
          // The caller's abort stays an AbortError; anything else is a response we cannot read.
          if ((e as Error | undefined)?.name === 'AbortError') throw e;
          const message = String((e as Error | undefined)?.message ?? e);
          throw new DossierError({ errors: [{ message, code: 'BAD_RESPONSE', path: undefined, extensions: { code: 'BAD_RESPONSE' } }], operationName, attempts: attempt, cause: e });
        }
        // A mutation may have been applied when the connection failed after sending: retry it only
        // when it was never sent. Queries are safe to repeat.
        const retryable = operationType !== 'mutation' || e.neverSent;
        if (!retryable || attempt > retries) {
          throw new DossierError({
            errors: [{ message: `Network error: ${e.message}`, code: 'NETWORK_ERROR', path: undefined, extensions: { code: 'NETWORK_ERROR' } }],
            operationName, attempts: attempt, cause: e.cause,
          });
        }
        await sleep(retryDelayMs * 2 ** (attempt - 1));
      }
    }
  };

  const send = (call: OperationCall) => withErrorsAndRetries(() => client.request<unknown>({
    document: call.document,
    ...(call.variables === undefined ? {} : { variables: call.variables }),
    ...(call.requestHeaders === undefined ? {} : { requestHeaders: call.requestHeaders }),
    ...(call.signal === undefined ? {} : { signal: call.signal }),
  }), call.operationName, call.operationType);
  return createMethods(send);
}
