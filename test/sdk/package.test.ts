/**
 * The SDK as an outside project gets it: `npm pack` of packages/sdk, the tarball installed into a fresh
 * project in the system temp directory (dependencies from npm's cache, falling back to the registry),
 * a consumer type-checked under `strict`, `exactOptionalPropertyTypes` and
 * `noPropertyAccessFromIndexSignature` with `skipLibCheck` off, compiled, and run with plain `node`
 * against a live server: reads over the seed, a write with a token, and a typed CONFLICT.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
/** Runs a command; a failure carries its output in the message (and in `stdout`). */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(cmd, args, { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env }, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw Object.assign(new Error(`${cmd} ${args.join(' ')} failed:\n${stdout}\n${stderr}`), { stdout });
  }
}

const consumer = `
import { createDossierClient, DossierError, possibleTypes, type RequestDetailQuery, type ItemCategory } from '@dossier/sdk';
import { RequestDetailDocument, type TimelineQuery } from '@dossier/sdk/documents';

const endpoint = process.env['DOSSIER_URL'];
if (!endpoint) throw new Error('DOSSIER_URL is not set');
const anon = createDossierClient({ endpoint, retries: 0 });
const editor = createDossierClient({ endpoint, token: process.env['DOSSIER_TOKEN'], retries: 0 });

const { request } = await anon.requestDetail({ slug: 'allawi-2004-nato-assistance' });
const detail: RequestDetailQuery['request'] = request;
const excluded: ItemCategory[] = (detail?.exclusions ?? []).map((i) => i.category);
const { timeline } = await anon.timeline({ actor: 'nato', first: 5 });
const kinds: string[] = timeline.edges.map(({ node }: TimelineQuery['timeline']['edges'][number]) => node.__typename);

let conflict: { code: string; currentVersion: number | undefined } | null = null;
const doc = await editor.ingestDocument({ input: { body: 'A consumer text for the packed SDK test.\\n\\nIt asks for nothing.', publisher: 'pack test' } });
const id = doc.ingestDocument.document.id;
await editor.updateDocument({ input: { id, expectedVersion: 1, title: 'first edit' } });
try {
  await editor.updateDocument({ input: { id, expectedVersion: 1, title: 'stale edit' } });
} catch (e) {
  if (e instanceof DossierError && e.is('CONFLICT')) conflict = { code: e.code, currentVersion: e.extensions.currentVersion };
  else throw e;
}
const documentName: string | undefined = RequestDetailDocument.definitions.map((d) => d.kind)[0];
console.log(JSON.stringify({
  summary: detail?.summary ?? null, excluded, kinds, conflict, documentName,
  timelineItem: possibleTypes['TimelineItem'] ?? null,
}));
`;

// Mistakes a consumer's compiler must catch, each with the error code it must report.
const wrong: Record<string, [string, string]> = {
  unknownField: [`const r = await sdk.requestDetail({ slug: 'x' }); console.log(r.request?.titel);`, 'TS2339'],
  untypedExtension: [`try { await sdk.stats(); } catch (e) { if (e instanceof DossierError && e.is('NOT_FOUND')) console.log(e.extensions.currentVersion); }`, 'TS2339'],
  undefinedOptional: [`await sdk.timeline({ actor: 'nato' }); const opts: { first?: number } = { first: undefined }; console.log(opts);`, 'TS2375'],
};

let s: TestServer;
let dir: string;
let tarball: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-sdk-consumer-'));
  // The build npm install made (npm pack's own prepack rebuild is skipped: other suites read dist/ meanwhile).
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--workspace', '@dossier/sdk', '--pack-destination', dir], root)) as { filename: string; files: { path: string }[]; size: number }[];
  tarball = path.join(dir, packed[0]!.filename);
  s = await startTestServer({ tokens: 'pack:editor:pack-secret' });
}, 120_000);
afterAll(async () => {
  await s?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the tarball holds built JavaScript and declarations, not TypeScript sources or the server', () => {
  const files = run('tar', ['-tzf', tarball], dir).split('\n').filter(Boolean);
  expect(files).toEqual(expect.arrayContaining([
    'package/package.json', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/documents.js',
    'package/dist/methods.js', 'package/dist/generated/documents/graphql.js', 'package/dist/generated/possible-types.js',
  ]));
  expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], dir)) as { dependencies: Record<string, string> };
  expect(Object.keys(manifest.dependencies).sort()).toEqual(['@graphql-typed-document-node/core', 'graphql', 'graphql-request']);
});

test('a fresh project installs it, compiles a consumer under strict flags and runs it with plain node', async () => {
  const app = path.join(dir, 'app');
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
  // Only the client's own dependencies came along (graphql-request, graphql, the document-node types).
  const installed = fs.readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.')).sort();
  expect(installed).toEqual(['@dossier', '@graphql-typed-document-node', 'graphql', 'graphql-request']);

  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', types: [],
      strict: true, exactOptionalPropertyTypes: true, noPropertyAccessFromIndexSignature: true,
      noUncheckedIndexedAccess: true, skipLibCheck: false, outDir: 'dist', rootDir: 'src',
    },
    include: ['src'],
  }));
  // process.env without @types/node: the consumer declares the little it uses.
  fs.writeFileSync(path.join(app, 'src/env.d.ts'), 'declare const process: { env: Record<string, string | undefined> };\n');
  fs.writeFileSync(path.join(app, 'src/main.ts'), consumer);
  run(process.execPath, [tsc, '-p', '.'], app);

  // Asynchronously: the server answering it runs in this process.
  const { stdout: out } = await promisify(execFile)(process.execPath, ['dist/main.js'], {
    cwd: app, env: { ...process.env, NODE_OPTIONS: '', DOSSIER_URL: s.url, DOSSIER_TOKEN: 'pack-secret' }, encoding: 'utf8',
  });
  const result = JSON.parse(out.trim().split('\n').pop()!);
  expect(result.summary).toMatch(/Allawi|NATO|Iraq/);
  expect(result.excluded).toEqual(['TROOPS']);
  expect(result.kinds.length).toBeGreaterThan(0);
  expect(result.conflict).toEqual({ code: 'CONFLICT', currentVersion: 2 });
  expect(result.documentName).toBe('OperationDefinition');
  expect(result.timelineItem).toEqual(['Event', 'Request', 'RequestResponse']);

  // The same strict compiler refuses a consumer's mistakes, each with its own error.
  for (const [name, [body, code]] of Object.entries(wrong)) {
    const file = path.join(app, 'src', `${name}.ts`);
    fs.writeFileSync(file, `import { createDossierClient, DossierError } from '@dossier/sdk';\nconst sdk = createDossierClient({ endpoint: 'http://127.0.0.1:1/graphql' });\n${body}\nexport {};\n`);
    let output = '';
    try {
      run(process.execPath, [tsc, '-p', '.', '--noEmit'], app);
    } catch (e) {
      output = String((e as { stdout?: string }).stdout);
    }
    expect({ name, errors: output.split('\n').filter((l) => l.includes(`${name}.ts`)).map((l) => /error (TS\d+)/.exec(l)?.[1]) }).toEqual({ name, errors: [code] });
    fs.rmSync(file);
  }
}, 240_000);
