// npm run db:backup -- <file>    a consistent copy of the live database (the server may keep running)
// npm run db:restore -- <file>   puts a backup in place of the database (refused while a server has it open)
// The database is env DATABASE_URL (default file:./data/dossier.db).
import { databaseFile, resolveDatabaseUrl } from '../config.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

const [command, target, ...extra] = process.argv.slice(2);
try {
  if ((command !== 'backup' && command !== 'restore') || !target || extra.length) {
    throw new Error('usage: npm run db:backup -- <file>  |  npm run db:restore -- <file>');
  }
  const database = databaseFile(resolveDatabaseUrl());
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
