/**
 * The GraphQL IDE served at GET <base>/graphql to browsers: GraphiQL with every asset inlined in one page
 * (@graphql-yoga/render-graphiql), so nothing is fetched from a CDN, with example queries of the seed
 * story in tabs. Rendered and gzipped once, on the first visit, and kept: the page is ~1.9 MB (tens of MB of
 * memory to render), which a server nobody opens the IDE on never pays; every later visit gets the same
 * bytes (gzip on the wire when the browser accepts it) under a strong ETag, and a 304 when it has them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { projectRoot } from '../config.ts';

const examplesDir = path.join(projectRoot, 'src', 'server', 'ide-examples');

/** The example operations shown in the IDE's tabs (also run by the tests, so they stay valid). */
export function ideExamples(): { name: string; query: string }[] {
  return fs.readdirSync(examplesDir).filter((f) => f.endsWith('.graphql')).sort()
    .map((f) => ({ name: f.replace(/^\d+-|\.graphql$/g, ''), query: fs.readFileSync(path.join(examplesDir, f), 'utf8') }));
}

export async function renderIde(endpoint: string): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const examples = ideExamples();
  return renderGraphiQL({
    title: 'dossier GraphQL IDE',
    endpoint,
    defaultTabs: examples.map((e) => ({ query: e.query })),
    // Yoga's GraphiQL also sets the active (first) tab's text from defaultQuery; without it the first
    // example would be replaced by GraphiQL's welcome text.
    defaultQuery: examples[0]?.query,
    headers: JSON.stringify({}),
    shouldPersistHeaders: false,
    schemaDescription: true,
  });
}

export interface IdePage {
  html: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Renders the page once (on first use) and keeps it; a failed render is forgotten so the next visit retries. */
export function idePage(endpoint: string): () => Promise<IdePage> {
  let page: Promise<IdePage> | undefined;
  return () => {
    page ??= (async () => {
      const html = Buffer.from(await renderIde(endpoint), 'utf8');
      const gzipped = await promisify(gzip)(html, { level: 9 });
      const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
      return { html, gzip: gzipped, etag };
    })().catch((e: unknown) => {
      page = undefined;
      throw e;
    });
    return page;
  };
}
