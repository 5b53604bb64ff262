/**
 * The reference web app's built files (web/dist, made by `npm run build:web`), served at the server's
 * root: index.html for `/` (revalidated on every load, so a new build shows at once) and the hashed
 * files under `/assets/` (cached for a year: their names change with their content). Only files the
 * build listed at startup are served, so no request path ever reaches the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebFile {
  body: Buffer;
  type: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};

// From src/server (run with tsx) or dist/src/server (the compiled production build).
const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = [path.resolve(here, '../../web/dist'), path.resolve(here, '../../../web/dist')]
  .find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? path.resolve(here, '../../web/dist');

/** The app's files by URL path ('/', '/assets/index-abc.js'), or null when the app was not built. */
export function loadWebApp(dir = WEB_DIST): Map<string, WebFile> | null {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return null;
  const files = new Map<string, WebFile>();
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else {
        const immutable = rel.startsWith('assets/');
        files.set(`/${rel}`, {
          body: fs.readFileSync(path.join(dir, rel)),
          type: TYPES[path.extname(entry.name)] ?? 'application/octet-stream',
          cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    }
  };
  walk('');
  files.set('/', files.get('/index.html')!);
  return files;
}
