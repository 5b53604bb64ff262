// npm run db:backup -- <file>    a consistent copy of the live database (the server may keep running)
// npm run db:restore -- <file>   puts a backup in place of the database (refused while a server has it open)
// The database is env DATABASE_URL (default file:./data/dossier.db).
import { databaseFile, isPostgresUrl, resolveDatabaseUrl } from '../config.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

/**
 * Both commands copy a SQLite file. PostgreSQL has its own tools, which know its roles, extensions and
 * concurrent sessions: say which, in one line, rather than half-do the job.
 */
const POSTGRES_REFUSAL = 'Not done: DATABASE_URL names a PostgreSQL database, and db:backup/db:restore copy SQLite files; '
  + 'use PostgreSQL\'s own tools: pg_dump --format=custom --file=<file> "$DATABASE_URL" to back up, '
  + 'pg_restore --clean --if-exists --single-transaction --dbname="$DATABASE_URL" <file> to restore (then restart the API processes).';

const [command, target, ...extra] = process.argv.slice(2);
try {
  if ((command !== 'backup' && command !== 'restore') || !target || extra.length) {
    throw new Error('usage: npm run db:backup -- <file>  |  npm run db:restore -- <file>');
  }
  const url = resolveDatabaseUrl();
  if (isPostgresUrl(url)) throw new Error(POSTGRES_REFUSAL);
  const database = databaseFile(url);
  if (command === 'backup') {
    const r = backupDatabase(database, target);
    console.log(`Backed up ${database} to ${r.file} (${r.bytes} bytes, ${r.documents} documents, integrity ok)`);
  } else {
    const r = restoreDatabase(target, database);
    console.log(`Restored ${database} from ${target} (${r.documents} documents); start the server to use it`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
