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

/** The database is open in another process (a running server, a seed, a migration): nothing was changed. */
export class DatabaseInUseError extends Error {
  constructor(readonly file: string, readonly holders: { pid: number; command: string }[]) {
    const who = holders.length
      ? holders.map((h) => `pid ${h.pid}: ${h.command}`).join('; ')
      : 'a process this system does not name';
    const stop = holders.length ? ` (kill ${holders.map((h) => h.pid).join(' ')})` : '';
    super(`Not restored: ${file} is open in another process (${who}). Stop it first${stop} and run the restore again; nothing was changed.`);
    this.name = 'DatabaseInUseError';
  }
}

/**
 * The processes that have `file` open, from /proc (Linux; elsewhere none are named). Only to say
 * which process to stop: whether the file is in use is decided by SQLite's own lock (below).
 */
export function processesHolding(file: string): { pid: number; command: string }[] {
  const target = path.resolve(file);
  const found: { pid: number; command: string }[] = [];
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return found;
  }
  for (const pid of pids) {
    try {
      const fds = fs.readdirSync(`/proc/${pid}/fd`);
      if (!fds.some((fd) => { try { return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target; } catch { return false; } })) continue;
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 200);
      found.push({ pid: Number(pid), command });
    } catch {
      // Gone meanwhile, or not ours to look at.
    }
  }
  return found;
}

/**
 * Takes the database file for this process alone, or throws DatabaseInUseError. In WAL mode every open
 * connection holds a shared lock on the file for as long as it is open (SQLite uses it to find the last
 * one to close), so a connection in exclusive locking mode that can read has proved no other process
 * has the file open. The lock is the operating system's: it goes with a process killed by SIGKILL, so a
 * crashed server never blocks a restore, and there is no lock file to go stale.
 */
function takeExclusive(file: string): Database.Database | undefined {
  if (!fs.existsSync(file)) return undefined;
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DatabaseInUseError(file, processesHolding(file));
    // Not a readable database (damaged: the very case a restore is for): no SQLite lock to go by, so
    // only a process seen holding it stops the restore.
    const holders = processesHolding(file);
    if (holders.length) throw new DatabaseInUseError(file, holders);
    return undefined;
  }
}

/**
 * Puts a backup in place of the database: refuses while any other process has it open (a running
 * server, see takeExclusive), checks the backup, copies it beside the database, removes the old
 * `-wal`/`-shm` (they belong to the old file and would be replayed onto the restored one), and renames
 * the copy into place.
 */
export function restoreDatabase(backup: string, targetFile: string): BackupResult {
  const source = path.resolve(backup);
  if (!fs.existsSync(source)) throw new Error(`There is no backup at ${source}`);
  if (path.resolve(targetFile) === source) throw new Error('The backup file must not be the database itself');
  // Held until the copy is in place: a server starting meanwhile waits for it.
  const held = takeExclusive(targetFile);
  try {
    return restoreHeld(source, targetFile, () => held?.close());
  } finally {
    if (held?.open) held.close();
  }
}

function restoreHeld(source: string, targetFile: string, release: () => void): BackupResult {
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
  // Closing the old file's last connection checkpoints its own -wal into it; what is left is removed.
  release();
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(targetFile + suffix, { force: true });
  fs.renameSync(partial, targetFile);
  return { file: targetFile, bytes: fs.statSync(targetFile).size, documents };
}
