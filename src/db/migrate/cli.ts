// tsx src/db/migrate/cli.ts [deploy] | status | dev <name> | reset   (npm run db:migrate [status])
// The database is env DATABASE_URL (default file:./data/dossier.db, relative to the repo root).
import { redactUrl } from '../../config.ts';
import { errorMessage } from './errors.ts';
import { createMigration, databaseUrlFromEnv, deployMigrations, getMigrationStatus, resetDatabase, type DeployResult } from './index.ts';

const USAGE = 'usage: cli.ts [deploy] | status | dev <name> | reset';

async function main(argv: string[]): Promise<void> {
  const [command = 'deploy', ...rest] = argv;
  const databaseUrl = databaseUrlFromEnv();
  const shown = redactUrl(databaseUrl);
  switch (command) {
    case 'deploy':
      report(await deployMigrations(databaseUrl), databaseUrl);
      return;
    case 'status': {
      const status = await getMigrationStatus(databaseUrl);
      const list = (names: string[]) => names.map((n) => `  ${n}`).join('\n');
      console.log(`${shown}: ${status.applied.length} migration(s) applied`);
      if (status.pending.length) console.log(`pending (applied by npm start or npm run db:migrate):\n${list(status.pending)}`);
      if (status.unfinished.length) console.log(`started and never finished (the next deploy recovers an empty database, or says what to do):\n${list(status.unfinished)}`);
      if (status.modified.length) console.log(`changed since they were applied:\n${list(status.modified)}`);
      if (status.unknown.length) console.log(`applied but not in prisma/migrations:\n${list(status.unknown)}`);
      const upToDate = status.pending.length === 0 && status.unfinished.length === 0;
      if (upToDate) console.log('the database schema is up to date');
      // As `prisma migrate status`: a non-zero exit when the database needs a deploy.
      if (!upToDate) process.exitCode = 1;
      return;
    }
    case 'reset': {
      const result = await resetDatabase(databaseUrl);
      console.log(`Deleted and re-created ${shown}`);
      report(result, databaseUrl);
      return;
    }
    case 'dev': {
      const name = rest.join('_');
      if (name === '') throw new Error(`dev needs a migration name\n${USAGE}`);
      const result = await createMigration(databaseUrl, name);
      for (const warning of result.warnings) console.warn(`warning: ${warning}`);
      if (result.migration === null) {
        if (result.applied.length > 0) report(result, databaseUrl);
        console.log('no changes: the schema matches the migrations, no migration created');
      } else {
        console.log(`Created ${result.file}`);
        report(result, databaseUrl);
      }
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

function report({ applied }: DeployResult, url: string): void {
  const databaseUrl = redactUrl(url);
  if (applied.length === 0) console.log(`${databaseUrl}: no pending migrations`);
  else console.log(`${databaseUrl}: applied ${applied.length} migration(s)\n${applied.map((n) => `  ${n}`).join('\n')}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(errorMessage(error));
  if (process.env.DEBUG) console.error(error);
  process.exitCode = 1;
});
