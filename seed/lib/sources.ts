/** Reads the seed's documents (verbatim text + metadata) and annotation modules from disk. */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentAnnotations, DocumentMeta } from './annotation-types.ts';
import { SeedError } from './errors.ts';

export interface SeedDocument {
  slug: string;
  /** File the text came from, for messages. */
  file: string;
  /** The text exactly as in the file. */
  body: string;
  meta: DocumentMeta;
}

export interface SeedAnnotationFile {
  file: string;
  annotations: DocumentAnnotations;
}

export const seedRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const META_FIELDS = ['title', 'publisher', 'url', 'language', 'published', 'publishedNote'] as const;

export function readDocuments(dir = path.join(seedRoot, 'documents')): SeedDocument[] {
  const problems: string[] = [];
  const docs: SeedDocument[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const slug = name.slice(0, -'.txt'.length);
    const metaFile = path.join(dir, `${slug}.meta.json`);
    if (!fs.existsSync(metaFile)) {
      problems.push(`${name}: missing metadata file ${slug}.meta.json`);
      continue;
    }
    let meta: DocumentMeta;
    try {
      meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as DocumentMeta;
    } catch (e) {
      problems.push(`${slug}.meta.json: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const missing = META_FIELDS.filter((f) => !(f in meta));
    if (missing.length) problems.push(`${slug}.meta.json: missing field(s) ${missing.join(', ')}`);
    docs.push({ slug, file: path.join(dir, name), body: fs.readFileSync(path.join(dir, name), 'utf8'), meta });
  }
  if (problems.length) throw new SeedError(problems);
  return docs;
}

export async function readAnnotations(dir = path.join(seedRoot, 'annotations')): Promise<SeedAnnotationFile[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const loaded: SeedAnnotationFile[] = [];
  for (const name of files) {
    const mod = (await import(pathToFileURL(path.join(dir, name)).href)) as { default?: DocumentAnnotations };
    if (!mod.default) throw new SeedError([`${name}: has no default export (use export default defineAnnotations({...}))`]);
    loaded.push({ file: name, annotations: mod.default });
  }
  return loaded;
}
