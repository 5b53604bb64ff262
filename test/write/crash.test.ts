/**
 * Crash safety: the real server (`src/main.ts` in a child process) is killed with SIGKILL while a stream
 * of createRequest mutations is in flight, then restarted on the same SQLite file. The database must be
 * intact and consistent: no half-written request, every span still its body's slice, one audit entry per
 * stored request, every acknowledged write kept, and the server answering again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { codes } from '../helpers/server.ts';
import { Children, exited, gqlAt as gql } from '../helpers/processes.ts';
import { EDITOR, EDITOR_SECRET } from './support.ts';

let dir: string;
let dbFile: string;
/** The servers this suite starts; their output is checked for secrets at the end. */
const children = new Children();
const output = children.output;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-crash-'));
  dbFile = path.join(dir, 'crash.db');
});
afterAll(async () => {
  await children.killAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts `src/main.ts` on the crash database and resolves with its URL once it logs that it is ready. */
const startServer = () => children.startServer({ DATABASE_URL: `file:${dbFile}`, DOSSIER_TOKENS: `ann:editor:${EDITOR_SECRET}` });

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
