/**
 * Internal errors: logged, returned as INTERNAL_SERVER_ERROR, and with their message hidden in
 * production. The fault is real: the audit table is dropped under a running server.
 */
import { codes, startTestServer, type TestServer } from '../helpers/server.ts';

const admin = { authorization: 'Bearer admin-secret-1' };
const auditQuery = '{ auditLog(first: 1) { totalCount } }';

async function brokenServer(production: boolean) {
  const s = await startTestServer({ production, tokens: 'root:admin:admin-secret-1' });
  await s.t.db.$executeRawUnsafe('DROP TABLE "AuditEntry"');
  return s;
}

describe('an internal error', () => {
  let prod: TestServer;
  let dev: TestServer;
  beforeAll(async () => {
    prod = await brokenServer(true);
    dev = await brokenServer(false);
  });
  afterAll(async () => {
    await prod.close();
    await dev.close();
  });

  /** Runs a request, capturing what the server logs to stderr meanwhile (jest itself writes there too). */
  async function capturingStderr<T>(run: () => Promise<T>): Promise<{ result: T; logged: string }> {
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => { lines.push(String(chunk)); return true; }) as typeof write;
    try {
      return { result: await run(), logged: lines.join('') };
    } finally {
      process.stderr.write = write;
    }
  }

  it('is masked in production, and logged with its cause', async () => {
    const { result: r, logged } = await capturingStderr(() => prod.gql(auditQuery, undefined, admin));
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.errors![0]!.message).toBe('Internal server error');
    expect(JSON.stringify(r)).not.toMatch(/AuditEntry|SQLITE|no such table|does not exist/i);
    expect(logged).toMatch(/"level":"error".*(does not exist|no such table)/);
  });

  it('keeps its message outside production, still under the masked code', async () => {
    const { result: r, logged } = await capturingStderr(() => dev.gql(auditQuery, undefined, admin));
    expect(logged).toMatch(/internal error/);
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.errors![0]!.message).toMatch(/AuditEntry|no such table/);
  });

  it('leaves the server answering other queries', async () => {
    const r = await prod.gql('{ stats { documents } }');
    expect(r.data).toEqual({ stats: { documents: 5 } });
  });
});
