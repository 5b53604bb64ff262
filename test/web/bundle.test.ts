/**
 * The web app's first load stays small: everything index.html pulls in on the main route (scripts,
 * styles, module preloads), gzipped as the server's compression would send it, is under 300 KB.
 * Reads the build that `npm install` made (npm run build:web).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const BUDGET = 300 * 1024;

test('index.html and every asset it loads are under 300 KB gzipped, with nothing from another host', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
  const assets = refs.filter((r) => r.startsWith('./assets/'));
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  const sizes = Object.fromEntries([['index.html', gzipSync(html).length], ...assets.map((a) => [a, gzipSync(fs.readFileSync(path.join(dist, a))).length])]);
  const total = Object.values(sizes).reduce((a: number, b) => a + (b as number), 0);
  expect({ total: total <= BUDGET, sizes }).toEqual({ total: true, sizes });
});
