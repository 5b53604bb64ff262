/**
 * The web app's errors in words (web/src/errors.ts): every documented code, the client's own two, and a
 * busy or rate-limited server, explained with what to do, never as a bare code; a failed write says
 * that nothing was saved. The browser tests see the same words on real refusals.
 */
import { DossierError, toDossierGraphQLError } from '@dossier/sdk';
import { explainError } from '../../web/src/errors.ts';

function error(code: string, message: string, extensions: Record<string, unknown> = {}, status = 200): DossierError {
  return new DossierError({ errors: [toDossierGraphQLError({ message, extensions: { code, ...extensions } })], operationName: 'op', attempts: 1, status });
}

test('a stale version: changed by someone else, nothing overwritten, reload', () => {
  const e = explainError(error('CONFLICT', 'stale', { field: 'expectedVersion', currentVersion: 4 }), 'write', true);
  expect(e).toEqual({
    code: 'CONFLICT', action: 'reload',
    text: 'This record was changed by someone else since you opened it (it is now at version 4), so your change was not saved and theirs was kept. Reload to see their change, then make yours again if it still applies.',
  });
});

test('a duplicate is not a stale version', () => {
  const e = explainError(error('CONFLICT', 'an identical text exists', { existingSlug: 'doc-1' }), 'write', true);
  expect(e.action).toBeUndefined();
  expect(e.text).toBe('This would duplicate or contradict what is already recorded (already recorded as “doc-1”): an identical text exists. Nothing was saved.');
});

test('credentials: no token on a private server, a wrong token, a token without the role', () => {
  expect(explainError(error('UNAUTHENTICATED', 'x', {}, 401), 'read', false)).toEqual({ code: 'UNAUTHENTICATED', action: 'sign-in', text: 'This server shows its data only to people with a token. Sign in with yours to continue.' });
  expect(explainError(error('UNAUTHENTICATED', 'x', {}, 401), 'read', true).text).toBe('Your token was not accepted: it may be mistyped, or no longer valid. Sign in again with a valid token.');
  expect(explainError(error('UNAUTHENTICATED', 'x', {}, 401), 'write', false).text).toBe('Changes need an editor token. Sign in with one; nothing was saved.');
  expect(explainError(error('FORBIDDEN', 'x'), 'write', true).text).toMatch(/^Your token may not make this change: it needs an editor token .* Nothing was saved\.$/);
});

test('input, missing records, limits and size say what to change', () => {
  expect(explainError(error('BAD_USER_INPUT', 'bad date "2004-13"', { field: 'input.date' }), 'write', true).text)
    .toBe('Some of the input was refused (input.date): bad date "2004-13". Nothing was saved. Correct it and try again.');
  expect(explainError(error('NOT_FOUND', 'responder: no actor "x"'), 'write', true).text).toBe('Not found: responder: no actor "x". Nothing was saved.');
  for (const code of ['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS']) {
    expect(explainError(error(code, 'cost 30000 over 25000'), 'read', false).text).toBe("This asks for more than the server's limits allow at once (cost 30000 over 25000). Narrow the filters or ask for fewer items.");
  }
  expect(explainError(error('PAYLOAD_TOO_LARGE', 'x', {}, 413), 'write', true).text).toBe('What you sent is larger than the server accepts. Nothing was saved. Send less at once.');
});

test('a busy or rate-limiting server, by status or by a code this SDK does not know yet: try again shortly', () => {
  for (const [code, status] of [['SERVICE_BUSY', 503], ['RATE_LIMITED', 429], ['INTERNAL_SERVER_ERROR', 503], ['BAD_RESPONSE', 429]] as const) {
    const raw = new DossierError({
      errors: [toDossierGraphQLError({ message: 'busy', extensions: { code } })], operationName: 'op', attempts: 1, status,
    });
    expect(explainError(raw, 'write', true)).toEqual({ code: 'SERVICE_BUSY', action: 'retry', text: 'The server is busy right now and turned this away. Nothing was saved. Try again in a few seconds.' });
  }
  // The server's own rate limit (RATE_LIMIT_PER_MINUTE) is a code the SDK knows.
  expect(new DossierError({
    errors: [toDossierGraphQLError({ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryable: true } })], operationName: 'op', attempts: 1, status: 429,
  }).code).toBe('RATE_LIMITED');
  // The SDK reports a code it does not know (a proxy's) as INTERNAL_SERVER_ERROR; the raw code is still read.
  const unknown = new DossierError({
    errors: [toDossierGraphQLError({ message: 'busy', extensions: { code: 'TOO_MANY_REQUESTS' } })], operationName: 'op', attempts: 1, status: 200,
    cause: { response: { errors: [{ message: 'busy', extensions: { code: 'TOO_MANY_REQUESTS' } }] } },
  });
  expect(unknown.code).toBe('INTERNAL_SERVER_ERROR');
  expect(explainError(unknown, 'read', false)).toEqual({ code: 'SERVICE_BUSY', action: 'retry', text: 'The server is busy right now and turned this away. Try again in a few seconds.' });
});

test('the network, an unreadable answer, an internal failure, and a failure in the page itself', () => {
  expect(explainError(error('NETWORK_ERROR', 'fetch failed'), 'read', false)).toEqual({ code: 'NETWORK_ERROR', action: 'retry', text: 'The server could not be reached. Check your connection and try again.' });
  expect(explainError(error('BAD_RESPONSE', 'HTTP 502', {}, 502), 'read', false).text).toBe('The server (or a proxy in front of it) answered with HTTP 502. Try again later.');
  expect(explainError(error('INTERNAL_SERVER_ERROR', 'Internal server error'), 'write', true).text).toBe('The server failed on this request (the failure is logged on the server). Nothing was saved. Try again later.');
  expect(explainError(new TypeError('x is undefined'), 'read', false).text).toBe('Something went wrong in the page: x is undefined.');
});
