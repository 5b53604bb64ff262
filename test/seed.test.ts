/**
 * The seed against real SQLite files built by the migrations: complete, idempotent, faithful to the
 * texts, and all-or-nothing when an annotation is broken.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dumpTables, migratedDb, type TestDb } from './helpers/db.ts';
import { SeedError, prepareSeed, seedDatabase } from '../seed/lib/index.ts';
import { readAnnotations, readDocuments, seedRoot } from '../seed/lib/sources.ts';
import type { DocumentAnnotations } from '../seed/lib/annotation-types.ts';

let t: TestDb;
beforeAll(async () => {
  t = await migratedDb();
  await seedDatabase(t.db);
});
afterAll(() => t.close());

const clone = <T>(x: T): T => structuredClone(x);

describe('the seeded database', () => {
  it('stores the five texts byte for byte', async () => {
    const docs = await t.db.document.findMany({ orderBy: { slug: 'asc' } });
    expect(docs.map((d) => d.slug)).toEqual([
      '000_86de1592ab15966e', '001_406679a407a0dddd', '002_747cff529a1d3125', '003_c24ebd90a8b61ee5', '004_a49028e8fd2b822a',
    ]);
    for (const d of docs) {
      const file = fs.readFileSync(path.join(seedRoot, 'documents', `${d.slug}.txt`), 'utf8');
      expect(d.body).toBe(file);
      const shared = path.join(seedRoot, '..', '..', 'shared', 'seeds', `${d.slug}.txt`);
      if (fs.existsSync(shared)) expect(fs.readFileSync(shared)).toEqual(fs.readFileSync(path.join(seedRoot, 'documents', `${d.slug}.txt`)));
    }
  });

  it('has evidence whose quote is always the body slice it points to', async () => {
    const rows = await t.db.evidence.findMany({ include: { document: { select: { body: true } } } });
    expect(rows.length).toBeGreaterThan(300);
    const wrong = rows.filter((e) => e.document.body.slice(e.start, e.end) !== e.quote || e.start >= e.end);
    expect(wrong).toEqual([]);
  });

  it('links each evidence row to exactly the record its target type names', async () => {
    const rows = await t.db.evidence.findMany();
    const columns = ['actorId', 'roleId', 'relationId', 'eventId', 'participantId', 'requestId', 'itemId', 'responseId', 'statusId', 'dateClaimId'] as const;
    for (const e of rows) expect(columns.filter((c) => e[c] !== null)).toHaveLength(1);
  });

  it('gives every request a requester, an addressee, an item and evidence', async () => {
    const requests = await t.db.request.findMany({ include: { parties: true, items: true, evidence: true } });
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const r of requests) {
      expect({ slug: r.slug, requester: r.parties.some((p) => p.side === 'REQUESTER') }).toEqual({ slug: r.slug, requester: true });
      expect({ slug: r.slug, addressee: r.parties.some((p) => p.side === 'ADDRESSEE') }).toEqual({ slug: r.slug, addressee: true });
      expect(r.items.length).toBeGreaterThan(0);
      expect(r.evidence.length).toBeGreaterThan(0);
    }
  });

  it('answers who asked NATO for what in 2004, 2008 and 2018, and what was not asked for', async () => {
    const requests = await t.db.request.findMany({
      where: { parties: { some: { side: 'ADDRESSEE', actor: { slug: 'nato' } } } },
      include: { parties: { include: { actor: true } }, items: true },
      orderBy: { date: 'asc' },
    });
    const byYear = (y: string) => requests.filter((r) => r.date?.startsWith(y));
    const requesters = (y: string) => byYear(y).flatMap((r) => r.parties.filter((p) => p.side === 'REQUESTER').map((p) => p.actor.slug));
    expect(requesters('2004')).toEqual(expect.arrayContaining(['iyad-allawi', 'george-w-bush']));
    expect(requesters('2008')).toContain('nuri-al-maliki');
    expect(requesters('2018')).toContain('jim-mattis');
    const allawi = requests.find((r) => r.slug === 'allawi-2004-nato-assistance')!;
    expect(allawi.items.filter((i) => !i.excluded).map((i) => i.category)).toEqual(expect.arrayContaining(['TRAINING', 'TECHNICAL_ASSISTANCE']));
    expect(allawi.items.filter((i) => i.excluded).map((i) => i.category)).toEqual(['TROOPS']);
    const maliki = byYear('2008')[0]!;
    expect(maliki.items.filter((i) => !i.excluded).map((i) => i.category)).toEqual(expect.arrayContaining(['TRAINING', 'EQUIPMENT']));
    expect(maliki.items.some((i) => i.excluded && i.category === 'TROOPS')).toBe(true);
  });

  it('keeps one record for a fact reported by several texts, with evidence from each', async () => {
    const allawi = await t.db.request.findUniqueOrThrow({ where: { slug: 'allawi-2004-nato-assistance' } });
    const docs = await t.db.evidence.findMany({ where: { requestId: allawi.id }, select: { document: { select: { slug: true } } }, distinct: ['documentId'] });
    expect(docs.map((d) => d.document.slug).sort()).toEqual(['000_86de1592ab15966e', '002_747cff529a1d3125', '004_a49028e8fd2b822a']);
    const quotes = await t.db.evidence.findMany({ where: { requestId: allawi.id }, select: { quote: true } });
    expect(quotes.map((q) => q.quote)).toContain('In response to a request by the Iraqi Interim Government');
    const nato = await t.db.actor.findUniqueOrThrow({ where: { slug: 'nato' } });
    const natoDocs = await t.db.evidence.findMany({ where: { actorId: nato.id }, distinct: ['documentId'] });
    expect(natoDocs).toHaveLength(5);
  });

  it('records inferred dates with their precision and how they were inferred', async () => {
    const letter = await t.db.event.findUniqueOrThrow({ where: { slug: 'allawi-letter-2004' } });
    expect(letter.start).toBe('2004-06-21');
    expect(letter.dateNote).toMatch(/Monday/);
    const sunday = await t.db.event.findUniqueOrThrow({ where: { slug: 'allawi-defence-overhaul-announcement-2004' } });
    expect([sunday.start, sunday.startPrecision]).toEqual(['2004-06-20', 'DAY']);
    expect(sunday.dateNote).toMatch(/last Sunday/);
    const mattis = await t.db.request.findUniqueOrThrow({ where: { slug: 'mattis-2018-nato-iraq-mission' } });
    expect([mattis.date, mattis.datePrecision, mattis.dateMin, mattis.dateMax]).toEqual(['2018-01', 'MONTH', '2018-01-01', '2018-01-31']);
    for (const d of await t.db.document.findMany()) expect(d.publishedNote).toBeTruthy();
  });

  it('uses ISO 3166-1 alpha-3 codes for states', async () => {
    const states = await t.db.actor.findMany({ where: { kind: 'STATE' } });
    expect(states.length).toBeGreaterThanOrEqual(26);
    for (const s of states) expect(s.countryCode).toMatch(/^[A-Z]{3}$/);
    expect((await t.db.actor.findUniqueOrThrow({ where: { slug: 'iraq' } })).countryCode).toBe('IRQ');
  });
});

describe('re-running the seed', () => {
  it('leaves every row as it was', async () => {
    const before = await dumpTables(t.db);
    const counts = await seedDatabase(t.db);
    for (const c of Object.values(counts)) expect([c.created, c.updated, c.deleted]).toEqual([0, 0, 0]);
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('updates an edited annotation in place and removes what was deleted', async () => {
    const annotations = await readAnnotations();
    const edited = clone(annotations);
    const file = edited.find((f) => f.annotations.document === '001_406679a407a0dddd')!;
    const request = file.annotations.requests!.find((r) => r.slug === 'maliki-2008-nato-training-equipment')!;
    request.summary = 'Edited summary';
    const before = await t.db.request.findUniqueOrThrow({ where: { slug: request.slug } });
    const itemKey = request.items![0]!.key;
    request.items = request.items!.filter((i) => i.key !== itemKey);

    const counts = await seedDatabase(t.db, { annotations: edited });
    const after = await t.db.request.findUniqueOrThrow({ where: { slug: request.slug }, include: { items: true } });
    expect(after.id).toBe(before.id);
    expect(after.summary).toBe('Edited summary');
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(counts.request.updated).toBe(1);
    expect(counts.requestItem.deleted).toBeGreaterThanOrEqual(1);

    // Back to the files: the original rows return (same ids, as they derive from the annotations).
    await seedDatabase(t.db);
    const restored = await t.db.request.findUniqueOrThrow({ where: { slug: request.slug }, include: { items: true } });
    expect(restored.summary).toBe(before.summary);
    expect(restored.items.length).toBe(after.items.length + 1);
  });

  it('never touches records it does not own', async () => {
    const doc = await t.db.document.findFirstOrThrow();
    const actor = await t.db.actor.create({ data: { slug: 'added-by-an-analyst', name: 'Analyst Actor', kind: 'OTHER' } });
    await t.db.evidence.create({ data: { documentId: doc.id, start: 0, end: 3, quote: doc.body.slice(0, 3), targetType: 'ACTOR', actorId: actor.id } });
    await seedDatabase(t.db);
    expect(await t.db.actor.findUnique({ where: { slug: 'added-by-an-analyst' } })).not.toBeNull();
    expect(await t.db.evidence.count({ where: { actorId: actor.id } })).toBe(1);
    await t.db.actor.delete({ where: { id: actor.id } });
  });
});

describe('a broken annotation', () => {
  async function expectRefused(mutate: (files: { file: string; annotations: DocumentAnnotations }[]) => void, message: RegExp) {
    const files = clone(await readAnnotations());
    mutate(files);
    const before = await dumpTables(t.db);
    const error = await seedDatabase(t.db, { annotations: files }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toMatch(message);
    expect(await dumpTables(t.db)).toEqual(before);
  }
  const fileOf = (files: { file: string; annotations: DocumentAnnotations }[], doc: string) => files.find((f) => f.annotations.document === doc)!;

  it('fails on a quote that is not in the text, naming file, record and quote, and writes nothing', async () => {
    await expectRefused((files) => {
      const f = fileOf(files, '002_747cff529a1d3125');
      f.annotations.requests![0]!.evidence = ['Allawi asked for tanks and aircraft carriers'];
    }, /002_747cff529a1d3125\.ts: request [a-z0-9-]+: quote not found in the document: "Allawi asked for tanks and aircraft carriers"/);
  });

  it('fails on an ambiguous quote', async () => {
    await expectRefused((files) => {
      fileOf(files, '000_86de1592ab15966e').annotations.actors![0]!.mentions = ['NATO'];
    }, /000_86de1592ab15966e\.ts: actor [a-z0-9-]+: quote occurs \d+ times in the document; say which occurrence/);
  });

  it('fails on an unknown actor reference', async () => {
    await expectRefused((files) => {
      const req = fileOf(files, '003_c24ebd90a8b61ee5').annotations.requests![0]!;
      req.addressees = [...(req.addressees ?? []), { actor: 'no-such-actor' }];
    }, /003_c24ebd90a8b61ee5\.ts: request mattis-2018-nato-iraq-mission, addressee no-such-actor: actor refers to unknown actor "no-such-actor"/);
  });

  it('fails on conflicting attributes stated by two files, naming both', async () => {
    await expectRefused((files) => {
      fileOf(files, '004_a49028e8fd2b822a').annotations.actors!.push({ slug: 'nato', kind: 'GROUP' });
    }, /004_a49028e8fd2b822a\.ts: actor nato: kind "GROUP" conflicts with "ORGANIZATION" in \S+\.ts/);
  });

  it('fails on an impossible date and an unknown country code', async () => {
    await expectRefused((files) => {
      const f = fileOf(files, '001_406679a407a0dddd');
      f.annotations.events!.push({ slug: 'bad-date-event', kind: 'MEETING', title: 'Bad', start: '2008-02-30', evidence: [{ quote: 'NATO', occurrence: 1 }] });
      f.annotations.actors!.push({ slug: 'atlantis', name: 'Atlantis', kind: 'STATE', countryCode: 'ATL' });
    }, /001_406679a407a0dddd\.ts: event bad-date-event: start "2008-02-30" is not a partial date/);
    await expectRefused((files) => {
      fileOf(files, '001_406679a407a0dddd').annotations.actors!.push({ slug: 'atlantis', name: 'Atlantis', kind: 'STATE', countryCode: 'ATL' });
    }, /001_406679a407a0dddd\.ts: actor atlantis: countryCode "ATL" is not an ISO 3166-1 alpha-3 code/);
  });

  it('checks everything before touching the database (prepareSeed alone reads no database)', async () => {
    const rows = await prepareSeed({ documents: readDocuments() });
    expect(rows.request.length).toBeGreaterThanOrEqual(4);
  });
});
