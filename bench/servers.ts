/**
 * The floor the benchmark compares dossier with, run as a child of bench/run.ts (dossier itself runs as
 * `npm start` does, from the compiled bundle: see startCompiled there):
 *
 *   floor <db file>               bare node:http + better-sqlite3 + hand-written prepared statements
 *
 * It reports over IPC: its URL when listening, and on request the SQL statements it ran since the last
 * reset and its resident memory (now and peak, sampled every 50 ms).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { OPERATIONS, floorOver } from './operations.ts';

const [mode, file] = process.argv.slice(2);
if (mode !== 'floor' || !file) throw new Error('usage: servers.ts floor <db file>');
let statements = 0;
let peakRss = process.memoryUsage().rss;
setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50).unref();

process.on('message', (m: { type: string }) => {
  if (m.type === 'reset') {
    statements = 0;
    peakRss = process.memoryUsage().rss;
  }
  if (m.type === 'stats' || m.type === 'reset') {
    const rss = process.memoryUsage().rss;
    process.send!({ type: 'stats', statements, rss, peakRss: Math.max(peakRss, rss) });
  }
});
process.on('disconnect', () => process.exit(0));

async function startFloor(): Promise<string> {
  const db = new Database(file!, { readonly: true });
  db.pragma('journal_mode = WAL');
  const q = floorOver(db, () => { statements++; });
  const byName = new Map(OPERATIONS.filter((o) => o.floor).map((o) => [/^(?:query|mutation) (\w+)/.exec(o.query)![1]!, o.floor!]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let status = 200;
      let body: unknown;
      try {
        const { operationName, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { operationName: string; variables?: Record<string, unknown> };
        const handler = byName.get(operationName);
        if (!handler) throw new Error(`the floor has no operation ${operationName}`);
        body = { data: handler(q, variables ?? {}) };
      } catch (e) {
        status = 400;
        body = { errors: [{ message: (e as Error).message }] };
      }
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const url = await startFloor();
process.send!({ type: 'ready', url });
