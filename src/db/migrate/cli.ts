// tsx src/db/migrate/cli.ts deploy | dev <name> | reset
// The database is env DATABASE_URL (default file:./data/dossier.db, relative to the repo root).
import { errorMessage } from './errors.ts';
import { createMigration, databaseUrlFromEnv, deployMigrations, resetDatabase, type DeployResult } from './index.ts';

const USAGE = 'usage: cli.ts deploy | dev <name> | reset';

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const databaseUrl = databaseUrlFromEnv();
  switch (command) {
    case 'deploy':
      report(await deployMigrations(databaseUrl), databaseUrl);
      return;
    case 'reset': {
      const result = await resetDatabase(databaseUrl);
      console.log(`Deleted and re-created ${databaseUrl}`);
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

function report({ applied }: DeployResult, databaseUrl: string): void {
  if (applied.length === 0) console.log(`${databaseUrl}: no pending migrations`);
  else console.log(`${databaseUrl}: applied ${applied.length} migration(s)\n${applied.map((n) => `  ${n}`).join('\n')}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(errorMessage(error));
  if (process.env.DEBUG) console.error(error);
  process.exitCode = 1;
});
