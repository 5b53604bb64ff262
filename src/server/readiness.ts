/**
 * What /readyz checks besides draining: the database answers, and every shipped migration is recorded
 * as finished (none pending, none half-applied).
 */
import { checkRows, type Db } from '../db/client.ts';
import { MIGRATION_ROWS_SQL, migrationProblems, type MigrationRow } from '../db/migration-state.ts';

export { shippedMigrations } from '../db/migration-state.ts';

/** Problems that make this server not ready, or [] when it is. */
export async function readinessProblems(db: Db, shipped: string[]): Promise<string[]> {
  try {
    return migrationProblems(await checkRows<MigrationRow>(db, MIGRATION_ROWS_SQL), shipped);
  } catch (e) {
    return [`database: ${(e as Error).message.split('\n')[0]}`];
  }
}
