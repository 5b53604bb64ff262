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

  it('is masked in production, and logged with its cause', async () => {
    // Capture the error log line for this one request only (jest itself writes to stderr too).
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => { lines.push(String(chunk)); return true; }) as typeof write;
    let r;
    try {
      r = await prod.gql(auditQuery, undefined, admin);
    } finally {
      process.stderr.write = write;
    }
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.errors![0]!.message).toBe('Internal server error');
    expect(JSON.stringify(r)).not.toMatch(/AuditEntry|SQLITE|no such table|does not exist/i);
    expect(lines.join('')).toMatch(/"level":"error".*(does not exist|no such table)/);
  });

  it('keeps its message outside production, still under the masked code', async () => {
    const r = await dev.gql(auditQuery, undefined, admin);
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.errors![0]!.message).toMatch(/AuditEntry|no such table/);
  });

  it('leaves the server answering other queries', async () => {
    const r = await prod.gql('{ stats { documents } }');
    expect(r.data).toEqual({ stats: { documents: 5 } });
  });
});
