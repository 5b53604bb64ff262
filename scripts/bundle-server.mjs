/**
 * `npm run build`, second step: bundles the server (src/main.ts and everything it imports, dependencies
 * included) into one ES module at dist/src/main.js, over tsc's per-file output of the same entry, so
 * `npm start` still runs `node dist/src/main.js`.
 *
 * Why: Node resolving, reading and compiling ~1,000 modules was about half of the start-up's CPU
 * (`node --cpu-prof`); one file loads in a fraction of that. Left outside the bundle, loaded from
 * node_modules as before:
 *   - native addons (better-sqlite3) and wasm packages (Prisma's query compiler, loaded on the first
 *     query; the schema engine, loaded only by the migration CLI);
 *   - PostgreSQL's driver and adapter, when installed, so an optional provider never breaks the build;
 *   - the seed (dist/seed, tsc's output), imported only when the database is empty.
 * The IDE page's GraphiQL bundle is a dynamic import, split into its own chunk beside main.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'src');
// Chunk names carry a content hash: drop the previous build's.
fs.rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });

/** Relative imports of the seed stay imports of its compiled copy under dist/seed. */
const seedOutside = {
  name: 'seed-outside',
  setup(b) {
    b.onResolve({ filter: /\/seed\/lib\/index\.ts$/ }, (args) => ({ path: args.path.replace(/\.ts$/, '.js'), external: true }));
  },
};

/**
 * graphql-js checks every `instanceof` of its type system twice over outside NODE_ENV=production, to
 * name a second copy of graphql loaded beside the first (profiled: ~2.5 % of a title list's CPU, in
 * every type check of execution). A bundle holds exactly one copy, so its check is the plain one
 * whatever NODE_ENV says; nothing else in the bundle changes with NODE_ENV.
 */
const graphqlSingleCopy = {
  name: 'graphql-single-copy',
  setup(b) {
    b.onLoad({ filter: /[\\/]graphql[\\/]jsutils[\\/]instanceOf\.m?js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const fast = text.replace(/globalThis\.process &&\s*(\/\/[^\n]*\n\s*)?process\.env\.NODE_ENV === 'production'/, 'true');
      if (fast === text) throw new Error(`graphql's instanceOf changed shape: ${args.path}`);
      return { contents: fast, loader: 'js' };
    });
  },
};

/**
 * Apollo hashes every query text (sha256) with @apollo/utils.createhash, which takes Node's crypto
 * through `module.require` and otherwise a JavaScript SHA-256 (sha.js). A bundle's CommonJS wrapper has
 * no `module.require`, so the bundled server hashed in JavaScript: ~2 % of a `node(id:)` request's CPU
 * (profiled: sha.js and its callers). Same function, same digest, through Node's crypto.
 */
const nodeCryptoHash = {
  name: 'node-crypto-hash',
  setup(b) {
    b.onLoad({ filter: /[\\/]@apollo[\\/]utils\.createhash[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const fast = text.replace('utils_isnodelike_1.isNodeLike && module.require', 'true').replace('module.require("crypto")', 'require("node:crypto")');
      if (!fast.includes('require("node:crypto").createHash(kind)')) throw new Error(`@apollo/utils.createhash changed shape: ${args.path}`);
      return { contents: fast, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: { main: path.join(root, 'src', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // V8 keeps each module's source text in the heap for as long as its functions live (lazy compilation
  // reads it): whitespace and comments out shrink main.js from 2.9 to 1.9 MB. Names stay, for stack
  // traces and profiles.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  external: [
    'better-sqlite3',
    '@prisma/client/runtime/query_compiler_*',
    '@prisma/schema-engine-wasm',
    '@prisma/schema-engine-wasm/*',
    'pg', 'pg-native', '@prisma/adapter-pg',
  ],
  plugins: [seedOutside, graphqlSingleCopy, nodeCryptoHash],
  // Bundled CommonJS dependencies call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

/**
 * One character above U+00FF anywhere in a file makes V8 hold its whole source as two bytes a character
 * (5.7 MB instead of 2.9 for main.js). esbuild escapes such characters in strings but leaves them in
 * regular expressions and template literals: escape those too (same meaning in both; the few columns this
 * shifts in the source map are on those lines only).
 */
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) fs.writeFileSync(file, ascii);
}

const bytes = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'))
  .map(([f, o]) => `${path.relative(root, f)} ${(o.bytes / 1024).toFixed(0)} KB`);
console.log(`bundled the server: ${bytes.join(', ')}`);
