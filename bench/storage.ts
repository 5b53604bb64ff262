/**
 * `npm run bench:storage`: what one write costs in stored text. The case from issue 9: a createRequest
 * (about 4.7 KB of GraphQL) with 50 evidence spans over one 200,000-character document, each span running
 * from a different start to the end of the body. Prints the bytes the write added to Evidence.quote, to
 * the audit log, and to the database file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrate/index.ts';
import { ingestDocument } from '../src/services/documents-write.ts';
import { createActor } from '../src/services/actors-write.ts';
import { createRequest } from '../src/services/requests-write.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-storage-'));
const file = path.join(dir, 'bench.db');
const url = `file:${file}`;
await deployMigrations(url);
const db = await createDb(url);
const who = { name: 'bench', role: 'admin' as const };
try {
  const sentence = 'Iraq asked NATO for training and equipment for its security forces. ';
  const body = sentence.repeat(Math.ceil(200_000 / sentence.length)).slice(0, 200_000);
  const doc = await ingestDocument(db, who, { body, publisher: 'Bench', title: 'A long text' });
  const iraq = await createActor(db, who, { name: 'Iraq', kind: 'STATE', countryCode: 'IRQ' });
  const nato = await createActor(db, who, { name: 'NATO', kind: 'ORGANIZATION' });
  const fileBytes = async () => {
    await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    return fs.statSync(file).size;
  };
  const sums = async () => {
    const [q] = await db.$queryRawUnsafe<{ n: bigint | null }[]>('SELECT sum(length(CAST(quote AS BLOB))) AS n FROM "Evidence"');
    const [a] = await db.$queryRawUnsafe<{ n: bigint | null }[]>('SELECT sum(length(CAST(coalesce("before", \'\') AS BLOB)) + length(CAST(coalesce("after", \'\') AS BLOB))) AS n FROM "AuditEntry"');
    return { quote: Number(q?.n ?? 0), audit: Number(a?.n ?? 0) };
  };
  const before = { ...(await sums()), file: await fileBytes() };
  const evidence = Array.from({ length: 50 }, (_, i) => ({ documentId: doc.id, start: i, end: body.length }));
  const input = {
    summary: 'Iraq asks NATO for training', channel: 'LETTER' as const,
    requesters: [{ actorId: iraq.id }], addressees: [{ actorId: nato.id }],
    items: [{ category: 'TRAINING' as const, description: 'training' }], evidence,
  };
  await createRequest(db, who, input);
  const after = { ...(await sums()), file: await fileBytes() };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`50 spans over one ${body.length.toLocaleString('en')}-character document, one createRequest:`);
  console.log(`  Evidence.quote text added  ${kb(after.quote - before.quote)}`);
  console.log(`  audit before/after added   ${kb(after.audit - before.audit)}`);
  console.log(`  database file grew by      ${kb(after.file - before.file)}`);
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
