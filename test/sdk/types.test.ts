/**
 * The SDK as a consumer's TypeScript sees it: small programs importing `@dossier/sdk` (through the
 * package.json exports map) are compiled with the TypeScript compiler API and the project's
 * tsconfig options. A correct program compiles cleanly; a wrong field, argument, enum value or error
 * code fails to compile with an error naming it. The fixtures are written to .tmp/ (git-ignored and
 * outside tsconfig's include) so `tsc --noEmit` over the project never sees them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const header = `
import { createDossierClient, DossierError } from '@dossier/sdk';
import { RequestDetailDocument } from '@dossier/sdk/documents';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
const sdk = createDossierClient({ endpoint: 'http://127.0.0.1:4000/graphql', token: 'secret' });
// The shape of Apollo Client's and urql's hooks: result and variables come from the document.
declare function useQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V): R;
export {};
`;

const fixtures: Record<string, string> = {
  correct: `
const { request } = await sdk.requestDetail({ slug: 'allawi-2004-nato-assistance' });
const excluded: boolean | undefined = request?.exclusions[0]?.excluded;
const { timeline } = await sdk.timeline({ actor: 'nato', from: '2004', to: '2018', first: 100 });
for (const { node } of timeline.edges) {
  if (node.__typename === 'RequestResponse') console.log(node.responder.name, node.stance);
}
await sdk.createRequest({ input: { summary: 's', channel: 'LETTER', requesters: [{ actor: 'iraq' }], addressees: [{ actor: 'nato' }], items: [{ category: 'TROOPS', description: 'd', excluded: true }] } });
const fromHook: string | undefined = useQuery(RequestDetailDocument, { slug: 'x' }).request?.summary;
try { await sdk.stats(); } catch (e) { if (e instanceof DossierError && e.code === 'NOT_FOUND') console.log(e.path, excluded, fromHook); }
`,
  wrongField: `
const { request } = await sdk.requestDetail({ slug: 'x' });
console.log(request?.titel);
`,
  wrongArgument: `
await sdk.requestDetail({ identifier: 'x' });
`,
  wrongArgumentType: `
await sdk.timeline({ first: 'ten' });
`,
  wrongEnum: `
await sdk.setRequestStatus({ input: { id: 'x', expectedVersion: 1, status: 'MAYBE' } });
`,
  wrongErrorCode: `
try { await sdk.stats(); } catch (e) { if (e instanceof DossierError && e.code === 'NOT_FOUNDD') console.log(e); }
`,
  wrongDocumentVariables: `
useQuery(RequestDetailDocument, { identifier: 'x' });
`,
};

let errors: Record<string, string[]>;

beforeAll(() => {
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, '.tmp', 'sdk-types-'));
  try {
    const files = Object.entries(fixtures).map(([name, body]) => {
      const file = path.join(dir, `${name}.ts`);
      fs.writeFileSync(file, header + body);
      return [name, file] as const;
    });
    const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    // A consumer's own lint-like settings are not what these programs test: each fixture uses only part
    // of the shared header, so unused-name checks are off.
    const program = ts.createProgram(files.map(([, file]) => file), { ...options, noUnusedLocals: false, noUnusedParameters: false });
    errors = Object.fromEntries(files.map(([name, file]) => [
      name,
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
    ]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('a correct consumer program compiles without errors', () => {
  expect(errors.correct).toEqual([]);
});

test.each([
  ['wrongField', 'titel'],
  ['wrongArgument', 'identifier'],
  ['wrongArgumentType', "Type 'string' is not assignable to type 'number'"],
  ['wrongEnum', '"MAYBE"'],
  ['wrongErrorCode', '"NOT_FOUNDD"'],
  ['wrongDocumentVariables', 'identifier'],
])('%s fails to compile, naming %s', (name, mention) => {
  expect(errors[name]).toHaveLength(1);
  expect(errors[name]![0]).toContain(mention);
});
