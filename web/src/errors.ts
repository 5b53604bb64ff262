/**
 * Errors as an analyst should read them: what happened, whether anything was saved, and what to do,
 * in words rather than a code. Each explanation may name one action the view offers beside it.
 */
import { DossierError } from '@dossier/sdk';

export type ErrorAction = 'reload' | 'sign-in' | 'retry';

export interface Explained {
  text: string;
  /** The code the explanation is for (the SDK's, or the HTTP status's meaning). */
  code: string;
  action?: ErrorAction;
}

/** Whether the failed call was a read or a write (a write that failed saved nothing). */
export type Doing = 'read' | 'write';

const detail = (e: DossierError): string => e.errors[0]?.message ?? e.message;

const LIMITS = new Set(['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS']);

/** The server or a proxy in front of it is overloaded or limiting the rate: worth trying again shortly. */
function busy(e: DossierError): boolean {
  const raw = (e.cause as { response?: { errors?: { extensions?: { code?: unknown } }[] } } | undefined)?.response?.errors?.[0]?.extensions?.code;
  return e.status === 429 || e.status === 503 || raw === 'SERVICE_BUSY' || raw === 'RATE_LIMITED' || raw === 'TOO_MANY_REQUESTS';
}

export function explainError(e: unknown, doing: Doing, tokenSent: boolean): Explained {
  const nothingSaved = doing === 'write' ? ' Nothing was saved.' : '';
  if (!(e instanceof DossierError)) {
    return { code: 'UNKNOWN', text: `Something went wrong in the page: ${String((e as Error | undefined)?.message ?? e)}.${nothingSaved}`, action: 'retry' };
  }
  if (busy(e)) {
    return { code: 'SERVICE_BUSY', text: `The server is busy right now and turned this away.${nothingSaved} Try again in a few seconds.`, action: 'retry' };
  }
  if (e.is('CONFLICT')) {
    if (e.extensions.currentVersion !== undefined || e.extensions.field === 'expectedVersion') {
      const now = e.extensions.currentVersion !== undefined ? ` (it is now at version ${e.extensions.currentVersion})` : '';
      return {
        code: 'CONFLICT',
        text: `This record was changed by someone else since you opened it${now}, so your change was not saved and theirs was kept. Reload to see their change, then make yours again if it still applies.`,
        action: 'reload',
      };
    }
    const existing = e.extensions.existingSlug ? ` (already recorded as “${e.extensions.existingSlug}”)` : '';
    return { code: 'CONFLICT', text: `This would duplicate or contradict what is already recorded${existing}: ${detail(e)}.${nothingSaved}` };
  }
  switch (e.code) {
    case 'UNAUTHENTICATED':
      return tokenSent
        ? { code: e.code, text: `Your token was not accepted: it may be mistyped, or no longer valid.${nothingSaved} Sign in again with a valid token.`, action: 'sign-in' }
        : doing === 'write'
          ? { code: e.code, text: 'Changes need an editor token. Sign in with one; nothing was saved.', action: 'sign-in' }
          : { code: e.code, text: 'This server shows its data only to people with a token. Sign in with yours to continue.', action: 'sign-in' };
    case 'FORBIDDEN':
      return { code: e.code, text: `Your token may not make this change: it needs an editor token (an admin token for merges, deletes and the audit log).${nothingSaved}` };
    case 'BAD_USER_INPUT': {
      const field = e.is('BAD_USER_INPUT') && e.extensions.field ? ` (${e.extensions.field})` : '';
      return { code: e.code, text: `Some of the input was refused${field}: ${detail(e)}.${nothingSaved} Correct it and try again.` };
    }
    case 'NOT_FOUND':
      return { code: e.code, text: `Not found: ${detail(e)}.${nothingSaved}` };
    case 'PAYLOAD_TOO_LARGE':
      return { code: e.code, text: `What you sent is larger than the server accepts.${nothingSaved} Send less at once.` };
    case 'NETWORK_ERROR':
      return { code: e.code, text: `The server could not be reached.${nothingSaved} Check your connection and try again.`, action: 'retry' };
    case 'BAD_RESPONSE':
      return { code: e.code, text: `The server${e.status ? ` (or a proxy in front of it) answered with HTTP ${e.status}` : ' gave an answer the page cannot read'}.${nothingSaved} Try again later.`, action: 'retry' };
    case 'INTERNAL_SERVER_ERROR':
      return { code: e.code, text: `The server failed on this request (the failure is logged on the server).${nothingSaved} Try again later.`, action: 'retry' };
    default:
      if (LIMITS.has(e.code)) {
        return { code: e.code, text: `This asks for more than the server's limits allow at once (${detail(e)}). Narrow the filters or ask for fewer items.` };
      }
      return { code: e.code, text: `The server refused the request: ${detail(e)}.${nothingSaved}` };
  }
}
