/**
 * A synthetic corpus for the benchmark, built on the project's own migrations and seed:
 *
 *   npm run bench:corpus -- --documents 100000 --out corpus-100k.db [--seed 1]
 *
 * The file is migrated and seeded exactly as production, then grows by `documents` synthetic documents
 * with the shapes an analyst's corpus has: ~3 KB bodies drawn from a skewed vocabulary (a few words in
 * most documents, most words rare), actors ≈ documents/5 with aliases and roles, requests ≈
 * documents/2 with 2–3 items and 1–3 responses, events ≈ documents/4, ~10 evidence spans per document
 * (every quote is the body's text at its offsets), and actors picked with a power law, so that a few
 * are in thousands of records. The same seed gives the same corpus. Rows are written with prepared
 * statements in one transaction (the API would take hours for 100k documents), then ANALYZE.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDb } from '../src/db/client.ts';
import { databaseFile } from '../src/config.ts';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { bumpDataVersion } from '../src/db/data-version.ts';
import { seedDatabase } from '../seed/lib/index.ts';

/** mulberry32: a small seeded PRNG, so a corpus is reproducible from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['PERSON', 'PERSON', 'PERSON', 'ORGANIZATION', 'ORGANIZATION', 'STATE', 'GROUP', 'OTHER'] as const;
const CATEGORIES = ['TRAINING', 'EQUIPMENT', 'EQUIPMENT', 'TECHNICAL_ASSISTANCE', 'TROOPS', 'FUNDING', 'FUNDING', 'MISSION', 'ADVICE', 'OTHER'] as const;
const STATUSES = ['PENDING', 'UNDER_CONSIDERATION', 'ACCEPTED', 'PARTIALLY_ACCEPTED', 'DECLINED', 'FULFILLED', 'UNKNOWN'] as const;
const STANCES = ['SUPPORTS', 'CONSIDERING', 'NONCOMMITTAL', 'ACCEPTS', 'DECLINES', 'CONDITIONS'] as const;
const CHANNELS = ['LETTER', 'MEETING', 'SPEECH', 'STATEMENT', 'OTHER'] as const;
const EVENT_KINDS = ['LETTER', 'MEETING', 'SUMMIT', 'STATEMENT', 'DECISION', 'MISSION', 'VISIT', 'ANNOUNCEMENT'] as const;
const ROLES = ['SENDER', 'RECIPIENT', 'HOST', 'ATTENDEE', 'SPEAKER', 'SUBJECT'] as const;
const PUBLISHERS = ['Agence France-Presse', 'Reuters', 'Associated Press', 'NATO Press Office', 'BBC Monitoring', 'Al Jazeera', 'Deutsche Welle', 'The Guardian', 'Le Monde', 'Xinhua'];
const COUNTRIES = ['IRQ', 'USA', 'GBR', 'FRA', 'DEU', 'ITA', 'TUR', 'JOR', 'IRN', 'SAU', 'POL', 'ESP', 'NLD', 'BEL', 'CAN'];
/** Real words at the head of the vocabulary: the common words a search must still answer quickly. */
const COMMON = ['the', 'of', 'and', 'to', 'in', 'a', 'said', 'for', 'on', 'nato', 'iraq', 'security', 'training',
  'forces', 'minister', 'government', 'mission', 'support', 'request', 'alliance', 'military', 'assistance',
  'officials', 'defence', 'equipment', 'baghdad', 'brussels', 'summit', 'police', 'army'];
const SYLLABLES = ['ka', 'ri', 'mo', 'tan', 'el', 'sor', 'vi', 'lu', 'dem', 'par', 'os', 'ne', 'qua', 'bel', 'ti', 'gra', 'hon', 'za', 'mir', 'ut'];

export interface CorpusCounts {
  documents: number;
  actors: number;
  requests: number;
  events: number;
  evidence: number;
}

export async function buildCorpus(file: string, documents: number, seed = 1, log: (m: string) => void = () => {}): Promise<CorpusCounts> {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const url = `file:${path.resolve(file)}`;
  await deployMigrations(url);
  const prisma = await createDb(url);
  await seedDatabase(prisma);
  await prisma.$disconnect();

  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  /** Power law over [0, n): index 0 is the most frequent (u³ puts ~n^(-1/3) of picks on it). */
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * random() ** 3));
  let counter = 0;
  const id = (prefix: string) => `${prefix}${(++counter).toString(36).padStart(10, '0')}`;

  const vocabulary = [...COMMON];
  while (vocabulary.length < 20_000) {
    const n = 2 + int(3);
    vocabulary.push(Array.from({ length: n }, () => pick(SYLLABLES)).join(''));
  }
  /** Zipf-like word choice: the first words are in nearly every document, most words in few. */
  const word = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(random() * Math.log(vocabulary.length + 1)) - 1))]!;
  const sentence = (words: number) => {
    const s = Array.from({ length: words }, word).join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const date = () => {
    const y = 2000 + int(21);
    const m = 1 + int(12);
    const d = 1 + int(28);
    const p = random();
    if (p < 0.05) return null;
    if (p < 0.15) return { value: `${y}`, precision: 'YEAR', min: `${y}-01-01`, max: `${y}-12-31` };
    const mm = String(m).padStart(2, '0');
    if (p < 0.3) return { value: `${y}-${mm}`, precision: 'MONTH', min: `${y}-${mm}-01`, max: `${y}-${mm}-28` };
    const day = `${y}-${mm}-${String(d).padStart(2, '0')}`;
    return { value: day, precision: 'DAY', min: day, max: day };
  };
  const now = new Date().toISOString().replace('Z', '+00:00');

  const db = new Database(path.resolve(file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  // The whole corpus is one transaction, so nothing is checkpointed: with SQLite's default 2 MB page cache
  // every index insert re-read its pages from the growing write-ahead log (at 100k: more system than user
  // CPU, 40k documents in an hour). A cache that holds the indexes keeps the build CPU-bound.
  db.pragma('cache_size = -2000000');
  db.pragma('foreign_keys = ON');
  const insert = (table: string, columns: string[]) => {
    const stmt = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    return (...values: unknown[]) => stmt.run(...(values as never[]));
  };
  const insDocument = insert('Document', ['id', 'slug', 'title', 'publisher', 'url', 'published', 'publishedPrecision', 'publishedMin', 'publishedMax', 'language', 'body', 'contentHash', 'wordCount', 'createdAt', 'updatedAt']);
  const insActor = insert('Actor', ['id', 'slug', 'name', 'kind', 'countryCode', 'description', 'createdAt', 'updatedAt']);
  const insAlias = insert('ActorAlias', ['id', 'actorId', 'name', 'normalized']);
  const insRole = insert('ActorRole', ['id', 'actorId', 'title', 'withinId', 'from', 'fromPrecision', 'to', 'toPrecision']);
  const insEvent = insert('Event', ['id', 'slug', 'kind', 'status', 'title', 'summary', 'start', 'startPrecision', 'dateMin', 'dateMax', 'locationName', 'locationCountry', 'createdAt', 'updatedAt']);
  const insParticipant = insert('EventParticipant', ['id', 'eventId', 'actorId', 'role']);
  const insRequest = insert('Request', ['id', 'slug', 'summary', 'channel', 'status', 'date', 'datePrecision', 'dateMin', 'dateMax', 'madeAtId', 'createdAt', 'updatedAt']);
  const insParty = insert('RequestParty', ['id', 'requestId', 'actorId', 'side', 'onBehalfOfId']);
  const insItem = insert('RequestItem', ['id', 'requestId', 'category', 'description', 'excluded']);
  const insResponse = insert('RequestResponse', ['id', 'requestId', 'responderId', 'stance', 'date', 'datePrecision', 'dateMin', 'dateMax', 'summary', 'createdAt', 'updatedAt']);
  const insEvidence = insert('Evidence', ['id', 'documentId', 'start', 'end', 'quote', 'targetType', 'actorId', 'eventId', 'requestId', 'itemId', 'responseId', 'createdAt']);

  // documents 0 is the seed corpus alone.
  const nActors = Math.round(documents / 5);
  const nRequests = Math.round(documents / 2);
  const nEvents = Math.round(documents / 4);
  const actors: string[] = [];
  const states: string[] = [];
  const events: string[] = [];
  const requests: { id: string; items: string[]; responses: string[] }[] = [];
  let evidence = 0;

  db.transaction(() => {
    log(`actors: ${nActors}`);
    for (let i = 0; i < nActors; i++) {
      const a = id('ba');
      const kind = i < COUNTRIES.length ? 'STATE' : pick(KINDS);
      const name = `${sentence(2 + int(2)).slice(0, -1)} ${i}`;
      insActor(a, `bench-actor-${i}`, name, kind, kind === 'STATE' ? COUNTRIES[i % COUNTRIES.length] : random() < 0.5 ? pick(COUNTRIES) : null, random() < 0.3 ? sentence(12) : null, now, now);
      const names = new Set([name, ...Array.from({ length: int(3) }, () => `${sentence(1).slice(0, -1)} ${i}`)]);
      for (const n of names) insAlias(id('bl'), a, n, n.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim());
      actors.push(a);
      if (kind === 'STATE') states.push(a);
    }
    for (let i = 0; i < nActors; i++) {
      for (let r = int(3); r > 0; r--) {
        const from = date();
        insRole(id('bo'), actors[i], pick(['Minister', 'Ambassador', 'Commander', 'Spokesperson', 'Secretary General']), pick(states), from?.value ?? null, from?.precision ?? null, null, null);
      }
    }
    log(`events: ${nEvents}`);
    for (let i = 0; i < nEvents; i++) {
      const e = id('be');
      const d = date();
      insEvent(e, `bench-event-${i}`, pick(EVENT_KINDS), random() < 0.9 ? 'OCCURRED' : 'PLANNED', sentence(6).slice(0, -1), random() < 0.5 ? sentence(20) : null,
        d?.value ?? null, d?.precision ?? null, d?.min ?? null, d?.max ?? null, random() < 0.5 ? pick(['Brussels', 'Baghdad', 'Istanbul', 'Riga', 'Warsaw']) : null, random() < 0.5 ? pick(COUNTRIES) : null, now, now);
      const who = new Set(Array.from({ length: 2 + int(2) }, () => actors[skewed(nActors)]!));
      for (const actor of who) insParticipant(id('bp'), e, actor, pick(ROLES));
      events.push(e);
    }
    log(`requests: ${nRequests}`);
    for (let i = 0; i < nRequests; i++) {
      const r = id('br');
      const d = date();
      insRequest(r, `bench-request-${i}`, sentence(15), pick(CHANNELS), pick(STATUSES), d?.value ?? null, d?.precision ?? null, d?.min ?? null, d?.max ?? null, random() < 0.4 ? events[int(nEvents)] : null, now, now);
      const requesters = new Set(Array.from({ length: 1 + int(2) }, () => actors[skewed(nActors)]!));
      const addressee = actors[skewed(nActors)]!;
      const principal = random() < 0.3 ? pick(states) : null;
      for (const a of requesters) insParty(id('bq'), r, a, 'REQUESTER', principal !== a ? principal : null);
      insParty(id('bq'), r, addressee, 'ADDRESSEE', null);
      const items: string[] = [];
      const categories = new Set(Array.from({ length: 2 + int(2) }, () => pick(CATEGORIES)));
      for (const c of categories) {
        const it = id('bi');
        insItem(it, r, c, sentence(6), random() < 0.1 ? 1 : 0);
        items.push(it);
      }
      const responses: string[] = [];
      for (let n = 1 + int(3); n > 0; n--) {
        const rs = id('bs');
        const rd = date();
        insResponse(rs, r, random() < 0.7 ? addressee : actors[skewed(nActors)]!, pick(STANCES), rd?.value ?? null, rd?.precision ?? null, rd?.min ?? null, rd?.max ?? null, sentence(12), now, now);
        responses.push(rs);
      }
      requests.push({ id: r, items, responses });
    }
    log(`documents: ${documents}`);
    for (let i = 0; i < documents; i++) {
      const doc = id('bd');
      const paragraphs: string[] = [];
      let length = 0;
      while (length < 3000) {
        const p = Array.from({ length: 3 + int(4) }, () => sentence(8 + int(14))).join(' ');
        paragraphs.push(p);
        length += p.length + 2;
      }
      const body = paragraphs.join('\n\n');
      const d = date();
      insDocument(doc, `bench-document-${i}`, sentence(5 + int(6)).slice(0, -1), pick(PUBLISHERS), random() < 0.5 ? `https://example.org/news/${i}` : null,
        d?.value ?? null, d?.precision ?? null, d?.min ?? null, d?.max ?? null, 'en', body,
        crypto.createHash('sha256').update(body).digest('hex'), body.split(/\s+/).length, now, now);
      // ~10 spans: mentions of actors (skewed), and facts of requests, items, responses and events.
      for (let s = 8 + int(5); s > 0; s--) {
        const start = int(body.length - 100);
        const end = start + 20 + int(60);
        const quote = body.slice(start, end);
        const roll = random();
        const req = requests[int(requests.length)]!;
        const target = roll < 0.5 ? ['ACTOR', actors[skewed(nActors)], null, null, null, null]
          : roll < 0.6 ? ['EVENT', null, events[int(nEvents)], null, null, null]
          : roll < 0.7 ? ['REQUEST', null, null, req.id, null, null]
          : roll < 0.85 ? ['REQUEST_ITEM', null, null, null, pick(req.items), null]
          : ['REQUEST_RESPONSE', null, null, null, null, pick(req.responses)];
        insEvidence(id('bv'), doc, start, end, quote, ...target, now);
        evidence++;
      }
      if (i % 10_000 === 9_999) log(`  ${i + 1} documents`);
    }
    // Written beside the API: a server with a response cache on this file must see the change.
    bumpDataVersion(db);
  })();
  log('ANALYZE');
  db.exec('ANALYZE');
  // As after any bulk load: the full-text index merged into one segment (see its migration, search_index_merged).
  db.exec(`INSERT INTO "DocumentFts" ("DocumentFts") VALUES ('optimize')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { documents, actors: nActors, requests: nRequests, events: nEvents, evidence };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const documents = Number(arg('documents') ?? 1000);
  const out = arg('out');
  if (!out || !Number.isInteger(documents) || documents < 0) {
    console.error('usage: npm run bench:corpus -- --documents <n> --out <file.db> [--seed <n>]');
    process.exit(2);
  }
  const started = performance.now();
  const counts = await buildCorpus(databaseFile(`file:${path.resolve(out)}`), documents, Number(arg('seed') ?? 1), (m) => console.log(m));
  console.log(`${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
}
