// The PostgreSQL copy of the one data model: prisma/schema.prisma with the datasource provider set to
// PostgreSQL and the client generated into src/generated/prisma-pg. Prisma generates a client per
// provider, so the PostgreSQL client is built from this copy, and the PostgreSQL migrations are diffed
// against it. Run as a script (npm run prisma:generate does, first) it writes prisma/postgresql/schema.prisma,
// which is generated, never edited or committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot as root } from './paths.ts';


export function postgresSchema(sqliteSchema: string): string {
  let provider = 0;
  let output = 0;
  const text = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, (_m, head: string) => {
      provider += 1;
      return `${head}"postgresql"`;
    })
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/src\/generated\/prisma"/, (_m, head: string) => {
      output += 1;
      return `${head}"../../src/generated/prisma-pg"`;
    });
  if (provider !== 1 || output !== 1) {
    throw new Error('prisma/schema.prisma: expected one sqlite datasource and one client generator writing to ../src/generated/prisma');
  }
  return `// GENERATED from prisma/schema.prisma by src/db/migrate/postgres-schema.ts: do not edit.\n${text}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
  const target = path.join(root, 'prisma', 'postgresql', 'schema.prisma');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, postgresSchema(source));
}
