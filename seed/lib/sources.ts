/** Reads the seed's documents (verbatim text + metadata) and annotation modules from disk. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentAnnotations, DocumentMeta } from './annotation-types.ts';
import { SeedError } from './errors.ts';
import { findProjectRoot } from '../../src/config.ts';

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

// The seed folder of the checkout (fileURLToPath, not URL.pathname, which leaves %20 in a path with a
// space; found from the project root, so compiled code in dist/ reads the same files).
export const seedRoot = path.join(findProjectRoot(path.dirname(fileURLToPath(import.meta.url))), 'seed');
// Annotation modules are code: load them beside this module (seed/annotations/*.ts under tsx, their
// compiled *.js under dist/ in production).
const thisFile = fileURLToPath(import.meta.url);
const codeExt = path.extname(thisFile);
const annotationsDir = path.resolve(path.dirname(thisFile), '..', 'annotations');

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

export async function readAnnotations(dir = annotationsDir): Promise<SeedAnnotationFile[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(codeExt) && !f.endsWith(`.d${codeExt}`)).sort();
  const loaded: SeedAnnotationFile[] = [];
  for (const name of files) {
    const mod = (await import(pathToFileURL(path.join(dir, name)).href)) as { default?: DocumentAnnotations };
    if (!mod.default) throw new SeedError([`${name}: has no default export (use export default defineAnnotations({...}))`]);
    loaded.push({ file: name, annotations: mod.default });
  }
  return loaded;
}
