// Prisma CLI configuration. Only `prisma generate` runs through the CLI here (offline machines cannot
// fetch the native schema engine); migrations run through src/db/migrate on Prisma's wasm engine, which
// reads the same schema and migrations folder.
import { defineConfig } from 'prisma/config';
import { externalTables } from './src/db/external-tables.ts';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/dossier.db' },
  experimental: { externalTables: true },
  tables: { external: [...externalTables] },
});
