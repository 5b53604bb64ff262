/**
 * Curation is never lost (issue 9): eleven edits of seeded records through the API (over HTTP), then
 * the seed re-run. Nothing the API changed is overwritten, deleted or resurrected; the seed reports the
 * differences it did not apply (file, record, field, seed value vs current value); what the API did not
 * touch still follows the seed files.
 */
import { spawn } from 'node:child_process';
import { projectRoot } from '../src/config.ts';
import { readAnnotations } from '../seed/lib/sources.ts';
import { seedWithReport, type SeedDifference } from '../seed/lib/index.ts';
import { dumpTables } from './helpers/db.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { ADMIN, TOKENS, mutate, ok } from './write/support.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
});
afterAll(() => s.close());

const DOC = '002_747cff529a1d3125';
const REQUEST = 'maliki-2008-nato-training-equipment';
const q = async (query: string, variables: Record<string, unknown> = {}) => ok(await s.gql(query, variables));

const find = (report: SeedDifference[], record: RegExp, field: string | null) => report.filter((d) => record.test(d.record) && d.field === field);

describe('eleven API edits survive a re-seed', () => {
  let report: SeedDifference[];
  let afterEdits: Record<string, unknown[]>;
  let mergedInto: string;
  let powellMentions: number;

  beforeAll(async () => {
    const rice = (await q('{ actor(slug: "condoleezza-rice") { id version } }')).actor;
    const powell = (await q('{ actor(slug: "colin-powell") { id version mentions(first: 1) { totalCount edges { node { id } } } } }')).actor;
    powellMentions = powell.mentions.totalCount;
    const request = (await q(`{ request(slug: "${REQUEST}") { id version } }`)).request;
    const doc = (await q(`{ document(slug: "${DOC}") { id version } }`)).document;
    const event = (await q('{ event(slug: "istanbul-summit-2004") { id version } }')).event;
    const boucher = (await q('{ actor(slug: "richard-boucher") { id version } }')).actor;
    const nato = (await q('{ actor(slug: "nato") { id } }')).actor;

    // 1 a description, 2 a request status, 3 a removed alias, 4 a removed evidence span, 5 a document
    // title, 6 an event title, 7 an actor merged away, 8 a request summary, 9 an added alias, 10 an added
    // response, 11 a renamed actor.
    ok(await mutate(s, 'updateActor', 'UpdateActorInput', { id: rice.id, expectedVersion: rice.version, description: 'Curated description' }, '{ actor { id } }'));
    ok(await mutate(s, 'setRequestStatus', 'SetRequestStatusInput', { id: request.id, expectedVersion: request.version, status: 'FULFILLED' }, '{ request { version } }'));
    ok(await mutate(s, 'removeActorAlias', 'ActorAliasInput', { actor: 'scott-mcclellan', name: 'McClellan' }, '{ actor { id } }'));
    ok(await mutate(s, 'removeEvidence', 'RemoveEvidenceInput', { id: powell.mentions.edges[0].node.id }, '{ deletedId }'));
    ok(await mutate(s, 'updateDocument', 'UpdateDocumentInput', { id: doc.id, expectedVersion: doc.version, title: 'Curated document title' }, '{ document { id } }'));
    ok(await mutate(s, 'updateEvent', 'UpdateEventInput', { id: event.id, expectedVersion: event.version, title: 'Curated event title' }, '{ event { id } }'));
    const keeper = ok(await mutate(s, 'createActor', 'CreateActorInput', { name: 'Scott McClellan (press secretary)', kind: 'PERSON', countryCode: 'USA' }, '{ actor { id } }')).createActor.actor;
    mergedInto = keeper.id;
    ok(await mutate(s, 'mergeActors', 'MergeActorsInput', { into: keeper.id, from: 'scott-mcclellan' }, '{ actor { id } }', ADMIN));
    const status = (await q(`{ request(slug: "${REQUEST}") { version } }`)).request;
    ok(await mutate(s, 'updateRequest', 'UpdateRequestInput', { id: request.id, expectedVersion: status.version, summary: 'Curated request summary' }, '{ request { id } }'));
    ok(await mutate(s, 'addActorAlias', 'ActorAliasInput', { actor: 'nato', name: 'The Alliance' }, '{ actor { id } }'));
    ok(await mutate(s, 'addRequestResponse', 'AddRequestResponseInput', { request: REQUEST, responder: nato.id, stance: 'ACCEPTS', summary: 'Curated response' }, '{ response { id } }'));
    ok(await mutate(s, 'updateActor', 'UpdateActorInput', { id: boucher.id, expectedVersion: boucher.version, name: 'Richard A. Boucher' }, '{ actor { id } }'));

    afterEdits = await dumpTables(s.t.db);
    report = (await seedWithReport(s.t.db)).notApplied;
  });

  it('changes nothing at all: every table, the audit log included, is as the API left it', async () => {
    expect(await dumpTables(s.t.db)).toEqual(afterEdits);
  });

  it('reads back every edit over HTTP', async () => {
    const d = await q(`{
      rice: actor(slug: "condoleezza-rice") { description }
      request(slug: "${REQUEST}") { status statusHistory { status } summary responses { summary } }
      document(slug: "${DOC}") { title }
      event(slug: "istanbul-summit-2004") { title }
      gone: actor(slug: "scott-mcclellan") { id }
      byName: actor(name: "Scott McClellan") { id aliases }
      nato: actor(slug: "nato") { aliases }
      boucher: actor(slug: "richard-boucher") { name }
      powell: actor(slug: "colin-powell") { mentions { totalCount } }
    }`);
    expect(d.rice.description).toBe('Curated description');
    expect(d.request).toMatchObject({ status: 'FULFILLED', summary: 'Curated request summary' });
    // The status set through the API is an entry of the history, kept by the re-seed and still the latest.
    expect(d.request.statusHistory.map((e: { status: string }) => e.status)).toEqual(['UNDER_CONSIDERATION', 'FULFILLED']);
    expect(d.request.responses.map((r: { summary: string }) => r.summary)).toContain('Curated response');
    expect(d.document.title).toBe('Curated document title');
    expect(d.event.title).toBe('Curated event title');
    expect(d.gone).toBeNull(); // not resurrected
    expect(d.byName.id).toBe(mergedInto); // one actor answers the name, not "several actors"
    expect(d.byName.aliases).not.toContain('McClellan');
    expect(d.nato.aliases).toContain('The Alliance');
    expect(d.boucher.name).toBe('Richard A. Boucher');
    expect(d.powell.mentions.totalCount).toBe(powellMentions - 1); // the removed span stays removed
  });

  it('reports each difference it did not apply with file, record, field, seed and current value', () => {
    const file = expect.stringContaining('.ts');
    expect(find(report, /^actor condoleezza-rice$/, 'description')).toEqual([
      { files: [file], record: 'actor condoleezza-rice', field: 'description', seed: expect.any(String), current: 'Curated description', reason: 'changed through the API' },
    ]);
    expect(find(report, /^request maliki-2008/, 'status')).toEqual([expect.objectContaining({ current: 'FULFILLED', seed: expect.any(String), files: [expect.stringContaining('001_406679a407a0dddd')] })]);
    expect(find(report, /^request maliki-2008/, 'summary')).toEqual([expect.objectContaining({ current: 'Curated request summary' })]);
    expect(find(report, /^document 002_747cff529a1d3125$/, 'title')).toEqual([expect.objectContaining({ current: 'Curated document title', files: [expect.stringContaining(DOC)] })]);
    expect(find(report, /^event istanbul-summit-2004$/, 'title')).toEqual([expect.objectContaining({ current: 'Curated event title' })]);
    expect(find(report, /^actor richard-boucher$/, 'name')).toEqual([expect.objectContaining({ seed: 'Richard Boucher', current: 'Richard A. Boucher' })]);
    expect(find(report, /^actor scott-mcclellan$/, null)).toEqual([expect.objectContaining({ seed: 'present', current: 'absent', reason: expect.stringMatching(/merged away through the API; not re-created/) })]);
    expect(find(report, /^actor scott-mcclellan, alias "McClellan"$/, null)).toHaveLength(1);
    expect(find(report, /^actor colin-powell, evidence /, null)).toHaveLength(1);
    // Rows the merge moved to the actor kept: their new owner is the API's, not the files'.
    expect(find(report, /^actor scott-mcclellan, role white-house-spokesman$/, 'actorId')).toEqual([expect.objectContaining({ current: expect.any(String) })]);
  });

  it('still applies the seed files where the API changed nothing, and reports only once the curated fields', async () => {
    const files = structuredClone(await readAnnotations());
    const request = files.find((f) => f.annotations.document === '001_406679a407a0dddd')!.annotations.requests!.find((r) => r.slug === REQUEST)!;
    request.summary = 'A new summary in the files';
    request.dateNote = 'A new date note in the files';
    const { counts, notApplied } = await seedWithReport(s.t.db, { annotations: files });
    const row = await s.t.db.request.findUniqueOrThrow({ where: { slug: REQUEST } });
    expect(row.summary).toBe('Curated request summary'); // curated: kept
    expect(row.dateNote).toBe('A new date note in the files'); // not curated: follows the files
    expect(counts.request.updated).toBe(1);
    expect(find(notApplied, /^request maliki-2008/, 'summary')).toEqual([expect.objectContaining({ seed: 'A new summary in the files', current: 'Curated request summary' })]);
    expect(find(notApplied, /^request maliki-2008/, 'dateNote')).toEqual([]);
    // The seed's own change is in the audit log, under its own name, with only what changed.
    const entry = await s.t.db.auditEntry.findFirstOrThrow({ where: { actor: 'seed', operation: 'seed', entityId: row.id } });
    expect(JSON.parse(entry.after!)).toEqual({ dateNote: 'A new date note in the files', version: row.version });
    expect(Object.keys(JSON.parse(entry.before!)).sort()).toEqual(['dateNote', 'version']);
  });

  it('`npm run seed` prints the differences it did not apply', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: s.t.url };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['--import', 'tsx', 'seed/run.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(out);
    expect(out).toMatch(/difference\(s\) not applied, to keep what was curated through the API:/);
    expect(out).toMatch(/001_406679a407a0dddd\.ts: request maliki-2008-nato-training-equipment: status: seed "[A-Z_]+", current "FULFILLED" \(changed through the API\)/);
    // The seed's own earlier change is not curation: the files' date note comes back silently.
    expect(out).not.toMatch(/dateNote/);
    expect((await s.t.db.request.findUniqueOrThrow({ where: { slug: REQUEST } })).dateNote).not.toBe('A new date note in the files');
    expect(out).toMatch(/002_747cff529a1d3125\.ts: actor scott-mcclellan: record present in the seed, absent in the database \(deleted or merged away through the API; not re-created\)/);
  }, 60_000);
});

it('deletes a row the files dropped only if the API never touched it and nothing added through the API hangs under it', async () => {
  const files = structuredClone(await readAnnotations());
  const actors = files.find((f) => f.annotations.document === DOC)!.annotations.actors!;
  const rolesOf = (slug: string) => actors.find((a) => a.slug === slug)!;
  // Three roles leave the files: one the API never touched, one the merge above moved (changed through the
  // API), one that an analyst has since cited evidence for.
  const untouched = rolesOf('condoleezza-rice').roles!.find((r) => r.key === 'national-security-adviser')!;
  expect(untouched).toBeDefined();
  rolesOf('condoleezza-rice').roles = rolesOf('condoleezza-rice').roles!.filter((r) => r !== untouched);
  rolesOf('scott-mcclellan').roles = [];
  const frattini = (await q('{ actor(slug: "franco-frattini") { roles { id title } } }')).actor;
  const doc = (await q(`{ document(slug: "${DOC}") { id } }`)).document;
  ok(await s.gql(`mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }`,
    { input: { target: frattini.roles[0].id, evidence: { document: doc.id, quote: 'Franco Frattini', occurrence: 1 } } }, ADMIN));
  rolesOf('franco-frattini').roles = [];
  const roles = () => s.t.db.actorRole.findMany({ where: { title: { in: ['National Security Adviser', 'White House spokesman', 'Foreign Minister'] } }, select: { title: true } });
  expect((await roles()).map((r) => r.title).sort()).toEqual(['Foreign Minister', 'National Security Adviser', 'White House spokesman']);

  const { counts, notApplied } = await seedWithReport(s.t.db, { annotations: files });
  expect((await roles()).map((r) => r.title).sort()).toEqual(['Foreign Minister', 'White House spokesman']);
  expect(counts.actorRole.deleted).toBe(1);
  const kept = notApplied.filter((d) => d.field === null && d.seed === 'absent');
  // No longer in the files, so named by the row itself.
  expect(kept.map((d) => [d.files, d.record]).sort()).toEqual([[[], 'actorRole Foreign Minister'], [[], 'actorRole White House spokesman']]);
  for (const d of kept) expect(d.reason).toMatch(/kept: it was changed through the API or records added through the API depend on it/);
});
