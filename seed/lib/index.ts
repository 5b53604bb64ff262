/**
 * The seed: reads seed/documents and seed/annotations, checks every fact and quote, and syncs the
 * database to them in one transaction. Nothing is written unless everything checks out.
 */
import type { Db } from '../../src/db/client.ts';
import { applyRows, type SeedCounts, type SeedResult } from './apply.ts';
import { SeedError } from './errors.ts';
import { mergeAnnotations } from './merge.ts';
import { buildRows } from './rows.ts';
import { readAnnotations, readDocuments, type SeedAnnotationFile, type SeedDocument } from './sources.ts';

export { SeedError } from './errors.ts';
export type { SeedCounts, SeedDifference, SeedResult } from './apply.ts';

export interface SeedInput {
  documents?: SeedDocument[];
  annotations?: SeedAnnotationFile[];
}

/** Reads and checks the seed without touching the database (throws SeedError listing every problem). */
export async function prepareSeed(input: SeedInput = {}) {
  const documents = input.documents ?? readDocuments();
  const annotations = input.annotations ?? (await readAnnotations());
  const problems: string[] = [];
  const graph = mergeAnnotations(documents, annotations, problems);
  const rows = buildRows(graph, problems);
  if (problems.length) throw new SeedError(problems);
  return rows;
}

export async function seedDatabase(db: Db, input: SeedInput = {}): Promise<SeedCounts> {
  return (await seedWithReport(db, input)).counts;
}

/** The seed, with the differences it did not apply because the API curated the records (see curation.ts). */
export async function seedWithReport(db: Db, input: SeedInput = {}): Promise<SeedResult> {
  return applyRows(db, await prepareSeed(input));
}
