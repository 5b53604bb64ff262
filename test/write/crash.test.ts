/**
 * Crash safety: the real server (`src/main.ts` in a child process) is killed with SIGKILL while a stream
 * of createRequest mutations is in flight, then restarted on the same SQLite file. The database must be
 * intact and consistent: no half-written request, every span still its body's slice, one audit entry per
 * stored request, every acknowledged write kept, and the server answering again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { codes, type GqlResult } from '../helpers/server.ts';
import { EDITOR, EDITOR_SECRET } from './support.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_TIMEOUT_MS = 90_000;

let dir: string;
let dbFile: string;
const children = new Set<ChildProcess>();
/** Everything the servers printed (checked for secrets at the end). */
const output: string[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-crash-'));
  dbFile = path.join(dir, 'crash.db');
});
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child, 10_000).catch(() => undefined);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child ${child.pid} still running after ${ms} ms`)), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts `src/main.ts` on the crash database and resolves with its URL once it logs that it is ready. */
async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    PORT: '0', // the server picks a free port and logs its URL (a port probed here could be taken meanwhile)
    HOST: '127.0.0.1',
    DOSSIER_TOKENS: `ann:editor:${EDITOR_SECRET}`,
    LOG_LEVEL: 'info',
  };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not for the server
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => reject(new Error(`the server did not get ready in ${READY_TIMEOUT_MS} ms:\n${output.join('')}`)), READY_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      pending += text;
      for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        let entry: { msg?: unknown; url?: unknown } = {};
        try { entry = JSON.parse(line); } catch { continue; }
        if (typeof entry.msg === 'string' && entry.msg.startsWith('dossier is ready') && typeof entry.url === 'string') {
          clearTimeout(timer);
          resolve(entry.url);
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output.join('')}`));
    });
  });
  return { child, url };
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return { ...((await res.json()) as GqlResult), status: res.status };
}

const CREATE = 'mutation ($input: CreateRequestInput!) { createRequest(input: $input) { request { id slug } } }';
const SOURCE = '000_86de1592ab15966e';
const ITEMS_PER_REQUEST = 4;

/** A request with several items, each with evidence (by quote and occurrence, and by offsets). */
const requestInput = (i: number) => ({
  slug: `crash-${i}`,
  summary: `Crash-test request number ${i}`,
  channel: 'LETTER',
  date: '2004-06-21',
  requesters: [{ actor: 'iyad-allawi', onBehalfOf: 'iraq' }],
  addressees: [{ actor: 'nato' }],
  items: [
    { category: 'TRAINING', description: `training ${i}`, evidence: [{ document: SOURCE, quote: 'NATO', occurrence: 1 + (i % 5) }] },
    { category: 'TECHNICAL_ASSISTANCE', description: `assistance ${i}`, evidence: [{ document: SOURCE, start: i, end: i + 12 }] },
    { category: 'EQUIPMENT', description: `equipment ${i}`, evidence: [{ document: SOURCE, quote: 'training', occurrence: 1 }] },
    { category: 'TROOPS', description: `troops ${i}`, excluded: true, evidence: [{ document: SOURCE, start: 100 + i, end: 140 + i }] },
  ],
  evidence: [{ document: SOURCE, start: 200 + i, end: 260 + i }],
});

describe('a server killed with SIGKILL in the middle of writes', () => {
  const acknowledged: string[] = [];
  let fired = 0;

  it('is killed while createRequest mutations are in flight', async () => {
    const { child, url } = await startServer();
    const first = await gql(url, CREATE, { input: requestInput(0) }, EDITOR);
    expect(codes(first)).toEqual([]);
    acknowledged.push('crash-0');

    const STREAM = 200;
    const KILL_AFTER = 8;
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const fallback = setTimeout(kill, 20_000); // in case acknowledgements are slower than expected
    const inFlight: Promise<void>[] = [];
    for (let i = 1; i <= STREAM && !killed; i++) {
      fired++;
      inFlight.push(gql(url, CREATE, { input: requestInput(i) }, EDITOR).then(
        (r) => {
          if (!r.errors && r.data?.createRequest) {
            acknowledged.push(r.data.createRequest.request.slug);
            if (acknowledged.length >= KILL_AFTER) kill();
          } else if (!killed) {
            throw new Error(`createRequest crash-${i} failed before the kill: ${JSON.stringify(r.errors)}`);
          }
        },
        () => undefined, // the connection died with the server
      ));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all(inFlight);
    clearTimeout(fallback);
    kill();
    await exited(child, 10_000);
    expect(child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // Writes were still queued when it died.
    expect(fired).toBeGreaterThan(acknowledged.length);
  }, 150_000);

  describe('after a restart on the same file', () => {
    let url: string;
    let db: Database.Database;

    beforeAll(async () => {
      ({ url } = await startServer());
      db = new Database(dbFile, { fileMustExist: true });
    }, 120_000);
    afterAll(() => {
      db?.close();
    });

    it('passes SQLite integrity and foreign key checks', () => {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });

    it('kept every acknowledged request', () => {
      const stored = new Set(db.prepare(`SELECT "slug" FROM "Request" WHERE "slug" LIKE 'crash-%'`).all().map((r: any) => r.slug));
      expect(acknowledged.filter((slug) => !stored.has(slug))).toEqual([]);
    });

    it('holds no half-written request: each has its requester, addressee, items and evidence', () => {
      const incomplete = db.prepare(`
        SELECT r."slug" FROM "Request" r
        WHERE NOT EXISTS (SELECT 1 FROM "RequestParty" p WHERE p."requestId" = r."id" AND p."side" = 'REQUESTER')
           OR NOT EXISTS (SELECT 1 FROM "RequestParty" p WHERE p."requestId" = r."id" AND p."side" = 'ADDRESSEE')
           OR NOT EXISTS (SELECT 1 FROM "RequestItem" i WHERE i."requestId" = r."id")`).all();
      expect(incomplete).toEqual([]);
      const shapes = db.prepare(`
        SELECT r."slug",
          (SELECT COUNT(*) FROM "RequestItem" i WHERE i."requestId" = r."id") AS items,
          (SELECT COUNT(*) FROM "RequestParty" p WHERE p."requestId" = r."id") AS parties,
          (SELECT COUNT(*) FROM "Evidence" e WHERE e."requestId" = r."id"
             OR e."itemId" IN (SELECT i."id" FROM "RequestItem" i WHERE i."requestId" = r."id")) AS evidence
        FROM "Request" r WHERE r."slug" LIKE 'crash-%'`).all() as { slug: string; items: number; parties: number; evidence: number }[];
      expect(shapes.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(shapes.filter((r) => r.items !== ITEMS_PER_REQUEST || r.parties !== 2 || r.evidence !== ITEMS_PER_REQUEST + 1)).toEqual([]);
      // No orphans of a request that was rolled back.
      expect(db.prepare(`SELECT COUNT(*) AS n FROM "RequestItem" i WHERE NOT EXISTS (SELECT 1 FROM "Request" r WHERE r."id" = i."requestId")`).get()).toEqual({ n: 0 });
    });

    it('keeps every evidence quote equal to its body slice', () => {
      const spans = db.prepare(`SELECT e."id", e."start", e."end", e."quote", d."body" FROM "Evidence" e JOIN "Document" d ON d."id" = e."documentId"`)
        .all() as { id: string; start: number; end: number; quote: string; body: string }[];
      expect(spans.length).toBeGreaterThan(0);
      expect(spans.filter((e) => e.body.slice(e.start, e.end) !== e.quote).map((e) => e.id)).toEqual([]);
    });

    it('has exactly one Request creation audit entry per stored request, and none for lost ones', () => {
      const requests = db.prepare(`SELECT "id" FROM "Request" WHERE "slug" LIKE 'crash-%'`).all().map((r: any) => r.id as string).sort();
      const entries = db.prepare(`
        SELECT "entityId", COUNT(*) AS n FROM "AuditEntry"
        WHERE "entityType" = 'Request' AND "operation" = 'createRequest' AND "before" IS NULL
        GROUP BY "entityId" ORDER BY "entityId"`).all() as { entityId: string; n: number }[];
      expect(entries).toEqual(requests.map((id) => ({ entityId: id, n: 1 })));
      const items = db.prepare(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE "entityType" = 'RequestItem' AND "operation" = 'createRequest'`).get();
      expect(items).toEqual({ n: requests.length * ITEMS_PER_REQUEST });
    });

    it('answers queries and takes writes again', async () => {
      const stored = (db.prepare(`SELECT COUNT(*) AS n FROM "Request" WHERE "slug" LIKE 'crash-%'`).get() as { n: number }).n;
      const read = await gql(url, `{
        requests(filter: { requester: "iyad-allawi", from: "2004-06-21", to: "2004-06-21" }, first: 1) { totalCount }
        request(slug: "crash-0") { items { id } requesters { slug } addressees { slug } }
      }`);
      expect(read.errors).toBeUndefined();
      expect(read.data.requests.totalCount).toBeGreaterThanOrEqual(stored);
      expect(read.data.request.items).toHaveLength(ITEMS_PER_REQUEST);
      expect(read.data.request.requesters).toEqual([{ slug: 'iyad-allawi' }]);
      const write = await gql(url, CREATE, { input: requestInput(fired + 1) }, EDITOR);
      expect(write.errors).toBeUndefined();
      expect(write.data.createRequest.request.slug).toBe(`crash-${fired + 1}`);
    });

    it('never logged a token secret', () => {
      expect(output.join('')).toContain('dossier is ready');
      expect(output.filter((text) => text.includes(EDITOR_SECRET))).toEqual([]);
    });
  });
});
