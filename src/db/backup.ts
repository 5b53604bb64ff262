/**
 * Online backups of the SQLite database. `VACUUM INTO` writes a compact copy from one read transaction:
 * in WAL mode it sees one consistent snapshot (everything committed when it started, the `-wal` file
 * included) while the server goes on writing, and it never restarts as the page-by-page backup API does
 * when another process writes. A plain `cp` of a live WAL database can miss everything still in `-wal`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './client.ts';
import { renewDataEpoch } from './data-version.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  documents: number;
}

/** Copies the database at `sourceFile` to `target` (replacing it atomically), checked before it lands. */
export function backupDatabase(sourceFile: string, target: string): BackupResult {
  const file = path.resolve(target);
  if (!fs.existsSync(sourceFile)) throw new Error(`There is no database at ${sourceFile}`);
  if (file === path.resolve(sourceFile)) throw new Error('The backup file must not be the database itself');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside the target and renamed over it once checked: a half-written or damaged copy never
  // takes the place of a good backup.
  const partial = `${file}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const source = new Database(sourceFile, { readonly: true, timeout: BUSY_TIMEOUT_MS });
  try {
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  try {
    const copy = new Database(partial);
    let documents = 0;
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`The copy failed its integrity check: ${String(check)}`);
      // A single file that needs nothing beside it, however the source is journaled.
      copy.pragma('journal_mode = DELETE');
      documents = (copy.prepare('SELECT count(*) AS n FROM "Document"').get() as { n: number }).n;
    } finally {
      copy.close();
    }
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, documents };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Puts a backup in place of the database (the server must be stopped): checks the backup, copies it
 * beside the database, removes the old `-wal`/`-shm` (they belong to the old file and would be replayed
 * onto the restored one), and renames the copy into place.
 */
export function restoreDatabase(backup: string, targetFile: string): BackupResult {
  const source = path.resolve(backup);
  if (!fs.existsSync(source)) throw new Error(`There is no backup at ${source}`);
  const check = new Database(source, { readonly: true });
  let documents = 0;
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The backup failed its integrity check: ${String(result)}`);
    documents = (check.prepare('SELECT count(*) AS n FROM "Document"').get() as { n: number }).n;
  } finally {
    check.close();
  }
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const partial = `${targetFile}.restoring-${process.pid}`;
  fs.copyFileSync(source, partial);
  try {
    // The copy may carry a data version the live database has already shown (see data-version.ts).
    const copy = new Database(partial);
    try {
      renewDataEpoch(copy);
    } finally {
      copy.close();
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(targetFile + suffix, { force: true });
  fs.renameSync(partial, targetFile);
  return { file: targetFile, bytes: fs.statSync(targetFile).size, documents };
}
