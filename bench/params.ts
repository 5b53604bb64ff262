/**
 * The benchmark's parameters, taken from the corpus under test: its busiest actors, a request, and words
 * by how many documents hold them (shared by the runner and the profiler).
 */
import Database from 'better-sqlite3';
import { gid, type Params } from './operations.ts';

/** The editor token the benchmark's servers accept (for the write). */
export const EDITOR = 'bench-editor-secret';

/** Parameters from the corpus: its busiest actors, a request, and words by how many documents hold them. */
export function paramsOf(file: string): Params {
  const db = new Database(file);
  const busiest = (side: string) => db.prepare(`SELECT "actorId" AS id FROM "RequestParty" WHERE "side" = ? GROUP BY "actorId" ORDER BY COUNT(*) DESC, "actorId" LIMIT 1`).get(side) as { id: string };
  const addressee = busiest('ADDRESSEE').id;
  const requester = busiest('REQUESTER').id;
  const participant = (db.prepare(`SELECT "actorId" AS id FROM "EventParticipant" GROUP BY "actorId" ORDER BY COUNT(*) DESC, "actorId" LIMIT 1`).get() as { id: string }).id;
  const request = (db.prepare(`SELECT "id" FROM "Request" ORDER BY "id" LIMIT 1`).get() as { id: string }).id;
  const documents = (db.prepare('SELECT COUNT(*) AS n FROM "Document"').get() as { n: number }).n;
  db.exec(`CREATE VIRTUAL TABLE temp."vocab" USING fts5vocab(main, "DocumentFts", row)`);
  const words = (min: number, max: number, n: number) => (db.prepare(`SELECT "term" FROM temp."vocab" WHERE "doc" >= ? AND "doc" <= ? AND length("term") > 3 ORDER BY "doc" DESC, "term" LIMIT ?`)
    .all(min, max, n) as { term: string }[]).map((r) => r.term);
  // Rare: words in 1–5% of documents (at least 2); common: the most frequent words of four letters or more.
  const rare = words(Math.max(2, Math.floor(documents * 0.01)), Math.max(2, Math.floor(documents * 0.05)), 2);
  const common = words(Math.floor(documents * 0.5), documents, 2);
  const slug = (db.prepare('SELECT "slug" FROM "Actor" WHERE "id" = ?').get(addressee) as { slug: string }).slug;
  db.close();
  return {
    addressee: gid('Actor', addressee), requester: gid('Actor', requester),
    actor: gid('Actor', participant), actorSlug: slug, request: gid('Request', request),
    rareWords: rare.slice(0, 1).join(' ') || 'training', commonWords: common.join(' ') || 'nato iraq', editorToken: EDITOR,
  };
}
