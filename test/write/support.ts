/**
 * Shared by the write-API suites (test/write/*.test.ts): the tokens they run with, result checks, and
 * the "refused and nothing changed" assertion every bad-input path uses.
 */
import { createHash } from 'node:crypto';
import { refused, type GqlResult, type TestServer } from '../helpers/server.ts';
import { dumpTables } from '../helpers/db.ts';

export const EDITOR_SECRET = 'editor-secret-1';
export const ADMIN_SECRET = 'admin-secret-1';
/** An editor token named "ann" and an admin token named "root". */
export const TOKENS = `ann:editor:${EDITOR_SECRET},root:admin:${ADMIN_SECRET}`;
export const EDITOR: Record<string, string> = { authorization: `Bearer ${EDITOR_SECRET}` };
export const ADMIN: Record<string, string> = { authorization: `Bearer ${ADMIN_SECRET}` };

/** A global ID built the way the API builds them (for unknown-but-well-formed IDs of a given type). */
export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export { ok, refused } from '../helpers/server.ts';


/** A JSON digest of every table (BigInt-safe), for cheap comparisons and messages. */
export async function tablesDigest(s: TestServer): Promise<string> {
  const dump = await dumpTables(s.t.db);
  return sha256(JSON.stringify(dump, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/**
 * Runs a write that must be refused with `code` and proves it wrote nothing: every row of every table,
 * the audit log included, is the same before and after. Returns the error for further checks.
 */
export async function refusedUnchanged(s: TestServer, code: string, run: () => Promise<GqlResult>) {
  const before = await dumpTables(s.t.db);
  const r = await run();
  const error = refused(r, code);
  expect(await dumpTables(s.t.db)).toEqual(before);
  return error;
}

/** Runs one mutation field with `$input` of the given input type, selecting `selection`. */
export function mutate(
  s: TestServer,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
  headers: Record<string, string> = EDITOR,
) {
  return s.gql(`mutation ($input: ${inputType}!) { ${field}(input: $input) ${selection} }`, { input }, headers);
}
