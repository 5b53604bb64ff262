/**
 * Who may write: anonymous callers are UNAUTHENTICATED on every mutation, a wrong token is an HTTP 401,
 * editors are FORBIDDEN the admin operations; the audit log (admin) records the token's name, never its
 * secret; reads stay public by default. (Reads behind a token: auth-required-reads.test.ts.)
 */
import { codes, startTestServer, type GqlResult, type TestServer } from '../helpers/server.ts';
import { dumpTables } from '../helpers/db.ts';
import { ADMIN, ADMIN_SECRET, EDITOR, EDITOR_SECRET, TOKENS, ok, refused, refusedUnchanged } from './support.ts';

let s: TestServer;
/** The raw text of every response this file received, to search for secrets at the end. */
const seen: string[] = [];

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
});
afterAll(async () => {
  await s?.close();
});

/** POSTs an operation and keeps the raw response text. */
async function call(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(s.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  seen.push(text);
  return { ...(JSON.parse(text) as GqlResult), status: res.status, headers: res.headers };
}

let ids: { document: string; nato: string; event: string; request: string; evidence: string };

beforeAll(async () => {
  const d = ok(await call(`{
    document(slug: "000_86de1592ab15966e") { id }
    actor(slug: "nato") { id }
    event(slug: "istanbul-summit-2004") { id }
    request(slug: "allawi-2004-nato-assistance") { id evidence(first: 1) { edges { node { id } } } }
  }`));
  ids = {
    document: d.document.id, nato: d.actor.id, event: d.event.id, request: d.request.id,
    evidence: d.request.evidence.edges[0].node.id,
  };
});

/** One well-formed call of every mutation, naming records that exist. */
const MUTATIONS: Record<string, () => [inputType: string, input: Record<string, unknown>, selection: string]> = {
  ingestDocument: () => ['IngestDocumentInput', { body: 'An anonymous text about nothing.', publisher: 'Nobody' }, '{ document { id } }'],
  updateDocument: () => ['UpdateDocumentInput', { id: ids.document, expectedVersion: 1, title: 'Defaced' }, '{ document { id } }'],
  deleteDocument: () => ['DeleteDocumentInput', { id: ids.document, cascade: true }, '{ deletedId }'],
  createActor: () => ['CreateActorInput', { name: 'Anonymous actor', kind: 'PERSON' }, '{ actor { id } }'],
  updateActor: () => ['UpdateActorInput', { id: ids.nato, expectedVersion: 1, description: 'Defaced' }, '{ actor { id } }'],
  addActorAlias: () => ['ActorAliasInput', { actor: 'nato', name: 'Anonymous alias' }, '{ actor { id } }'],
  removeActorAlias: () => ['ActorAliasInput', { actor: 'nato', name: 'NATO' }, '{ actor { id } }'],
  mergeActors: () => ['MergeActorsInput', { into: 'nato', from: 'iraq' }, '{ mergedId }'],
  addActorRole: () => ['AddActorRoleInput', { actor: 'nato', title: 'Anonymous role' }, '{ role { id } }'],
  createEvent: () => ['CreateEventInput', { kind: 'MEETING', title: 'Anonymous meeting' }, '{ event { id } }'],
  updateEvent: () => ['UpdateEventInput', { id: ids.event, expectedVersion: 1, title: 'Defaced' }, '{ event { id } }'],
  addEventParticipant: () => ['AddEventParticipantInput', { event: 'istanbul-summit-2004', participant: { actor: 'afp', role: 'SUBJECT' } }, '{ participant { id } }'],
  createRequest: () => ['CreateRequestInput', {
    summary: 'Anonymous request', channel: 'OTHER', requesters: [{ actor: 'iraq' }], addressees: [{ actor: 'nato' }],
    items: [{ category: 'TRAINING', description: 'training' }],
  }, '{ request { id } }'],
  updateRequest: () => ['UpdateRequestInput', { id: ids.request, expectedVersion: 1, summary: 'Defaced' }, '{ request { id } }'],
  setRequestStatus: () => ['SetRequestStatusInput', { id: ids.request, expectedVersion: 1, status: 'DECLINED' }, '{ request { id } }'],
  addRequestResponse: () => ['AddRequestResponseInput', { request: 'allawi-2004-nato-assistance', responder: 'nato', stance: 'ACCEPTS', summary: 'Anonymous answer' }, '{ response { id } }'],
  addEvidence: () => ['AddEvidenceInput', { target: ids.nato, evidence: { document: '000_86de1592ab15966e', start: 0, end: 3 } }, '{ evidence { id } }'],
  removeEvidence: () => ['RemoveEvidenceInput', { id: ids.evidence }, '{ deletedId }'],
};

const run = (name: string, headers: Record<string, string>, override?: Record<string, unknown>) => {
  const [inputType, input, selection] = MUTATIONS[name]!();
  return call(`mutation ($input: ${inputType}!) { ${name}(input: $input) ${selection} }`, { input: override ?? input }, headers);
};

describe('anonymous writes', () => {
  it('the table below covers every mutation of the schema', async () => {
    const d = ok(await call('{ __type(name: "Mutation") { fields { name } } }'));
    expect(d.__type.fields.map((f: any) => f.name).sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  it.each(Object.keys(MUTATIONS))('%s without a token is UNAUTHENTICATED and writes nothing', async (name) => {
    await refusedUnchanged(s, 'UNAUTHENTICATED', () => run(name, {}));
  });

  // Authentication comes before looking at the input: an anonymous caller learns nothing about records,
  // and gets the same answer whatever it sends.
  it('is UNAUTHENTICATED even when the input names unknown records or malformed IDs', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['mergeActors', { into: 'no-such-actor', from: 'no-such-actor-either' }],
      ['createActor', { name: 'Anonymous actor', kind: 'PERSON', evidence: [{ document: 'no-such-document', quote: 'x' }] }],
      ['addActorAlias', { actor: 'no-such-actor', name: 'x' }],
      ['deleteDocument', { id: 'not-an-id!' }],
      ['addEvidence', { target: 'not-an-id!', evidence: { document: 'no-such-document', quote: 'x' } }],
    ];
    const before = await dumpTables(s.t.db);
    const got: Record<string, unknown> = {};
    for (const [name, input] of cases) got[name] = codes(await run(name, {}, input));
    expect(got).toEqual(Object.fromEntries(cases.map(([name]) => [name, ['UNAUTHENTICATED']])));
    expect(await dumpTables(s.t.db)).toEqual(before);
  });
});

describe('invalid tokens', () => {
  it.each([
    ['a wrong secret', 'Bearer not-the-secret'],
    ['a secret of the wrong case', `Bearer ${EDITOR_SECRET.toUpperCase()}`],
    ['the token name instead of its secret', 'Bearer ann'],
    ['another scheme', `Basic ${Buffer.from(`ann:${EDITOR_SECRET}`).toString('base64')}`],
    ['no credentials after the scheme', 'Bearer'],
  ])('%s is refused with HTTP 401 UNAUTHENTICATED, on writes and reads alike', async (_label, authorization) => {
    const before = await dumpTables(s.t.db);
    for (const r of [await run('createActor', { authorization }), await call('{ stats { documents } }', {}, { authorization })]) {
      expect(r.status).toBe(401);
      refused(r, 'UNAUTHENTICATED');
      expect(r.data ?? null).toBeNull();
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(await dumpTables(s.t.db)).toEqual(before);
  });
});

describe('roles', () => {
  it('an editor may write', async () => {
    ok(await run('addActorAlias', EDITOR, { actor: 'nato', name: 'Editor alias' }));
  });

  it.each(['mergeActors', 'deleteDocument'])('%s is FORBIDDEN to an editor and writes nothing', async (name) => {
    const error = await refusedUnchanged(s, 'FORBIDDEN', () => run(name, EDITOR));
    expect(error.message).toContain('admin');
  });

  it('an editor is FORBIDDEN the admin operations even when the input names unknown records', async () => {
    await refusedUnchanged(s, 'FORBIDDEN', () => run('mergeActors', EDITOR, { into: 'no-such-actor', from: 'iraq' }));
    await refusedUnchanged(s, 'FORBIDDEN', () => run('deleteDocument', EDITOR, { id: 'not-an-id!' }));
  });

  it('the audit log is FORBIDDEN to an editor and UNAUTHENTICATED to anonymous callers', async () => {
    const q = '{ auditLog { totalCount edges { node { actor } } } }';
    const asEditor = await call(q, {}, EDITOR);
    refused(asEditor, 'FORBIDDEN');
    expect(asEditor.data ?? null).toBeNull();
    const anonymous = await call(q);
    refused(anonymous, 'UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
  });

  it('reads are public by default', async () => {
    const d = ok(await call('{ stats { documents } actor(slug: "nato") { name } requests(first: 1) { totalCount } }'));
    expect(d.stats.documents).toBeGreaterThan(0);
    expect(d.actor.name).toBe('North Atlantic Treaty Organization');
  });

  it('a valid token may read too', async () => {
    ok(await call('{ stats { documents } }', {}, EDITOR));
    ok(await call('{ stats { documents } }', {}, ADMIN));
  });
});

describe('auditLog', () => {
  const AUDIT = `query ($entity: ID, $actor: String, $operation: String, $first: Int, $after: String) {
    auditLog(entity: $entity, actor: $actor, operation: $operation, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id at actor operation entityType entityId before after } }
    }
  }`;
  const audit = async (vars: Record<string, unknown> = {}) => ok(await call(AUDIT, vars, ADMIN)).auditLog;
  let subject: any;

  beforeAll(async () => {
    subject = ok(await call('mutation { createActor(input: { name: "Audit Subject", kind: PERSON }) { actor { id version } } }', {}, EDITOR)).createActor.actor;
    ok(await call('mutation ($id: ID!) { updateActor(input: { id: $id, expectedVersion: 1, description: "Audited" }) { actor { version } } }', { id: subject.id }, EDITOR));
    ok(await call('mutation { addActorAlias(input: { actor: "audit-subject", name: "Audit Alias" }) { actor { id } } }', {}, ADMIN));
  });

  it('lists the entries newest first', async () => {
    const log = await audit({ first: 100 });
    const nodes = log.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(4);
    const times = nodes.map((n: any) => Date.parse(n.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The newest entries are the admin's alias, made last: the alias and the actor's version bump.
    const newest = nodes.slice(0, 2);
    expect(newest.map((n: any) => [n.actor, n.operation])).toEqual([['root', 'addActorAlias'], ['root', 'addActorAlias']]);
    const alias = newest.find((n: any) => n.entityType === 'ActorAlias');
    expect(alias).toMatchObject({ before: null });
    expect(JSON.parse(alias.after)).toMatchObject({ name: 'Audit Alias' });
    const bump = newest.find((n: any) => n.entityType === 'Actor');
    expect(JSON.parse(bump.before)).toMatchObject({ version: 2 });
    expect(JSON.parse(bump.after)).toMatchObject({ version: 3 });
    expect(nodes.map((n: any) => n.operation).indexOf('updateActor')).toBeLessThan(nodes.map((n: any) => n.operation).indexOf('createActor'));
  });

  it('records who (the token name), what, which record (global ID), before and after', async () => {
    const log = await audit({ entity: subject.id });
    expect(log.totalCount).toBe(3);
    const [bumped, updated, created] = log.edges.map((e: any) => e.node);
    expect(bumped).toMatchObject({ actor: 'root', operation: 'addActorAlias', entityType: 'Actor', entityId: subject.id });
    expect(updated).toMatchObject({ actor: 'ann', operation: 'updateActor', entityType: 'Actor', entityId: subject.id });
    // An update records only what changed: the old values before, the new ones after.
    const changedBefore = JSON.parse(updated.before);
    const changedAfter = JSON.parse(updated.after);
    expect(changedBefore).toMatchObject({ description: null, version: 1 });
    expect(changedAfter).toMatchObject({ description: 'Audited', version: 2 });
    expect(Object.keys(changedBefore).sort()).toEqual(['description', 'updatedAt', 'version']);
    expect(Object.keys(changedAfter).sort()).toEqual(Object.keys(changedBefore).sort());
    expect(created).toMatchObject({ actor: 'ann', operation: 'createActor', entityType: 'Actor', entityId: subject.id, before: null });
    expect(JSON.parse(created.after)).toMatchObject({ name: 'Audit Subject', slug: 'audit-subject', version: 1 });
    // The global ID resolves to the record.
    expect(ok(await call('query ($id: ID!) { node(id: $id) { id } }', { id: updated.entityId })).node).toEqual({ id: subject.id });
  });

  it('filters by token name and by operation', async () => {
    const byAnn = await audit({ actor: 'ann', first: 100 });
    expect(byAnn.totalCount).toBeGreaterThan(0);
    expect(new Set(byAnn.edges.map((e: any) => e.node.actor))).toEqual(new Set(['ann']));
    const byRoot = await audit({ actor: 'root', first: 100 });
    expect(byRoot.edges.map((e: any) => e.node.operation)).toContain('addActorAlias');
    expect(new Set(byRoot.edges.map((e: any) => e.node.actor))).toEqual(new Set(['root']));
    const creations = await audit({ operation: 'createActor', first: 100 });
    expect(new Set(creations.edges.map((e: any) => e.node.operation))).toEqual(new Set(['createActor']));
    expect(creations.edges.map((e: any) => e.node.entityType)).toEqual(expect.arrayContaining(['Actor', 'ActorAlias']));
    expect((await audit({ actor: EDITOR_SECRET })).totalCount).toBe(0);
  });

  it('pages without gaps or repeats', async () => {
    const all = await audit({ first: 100 });
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await audit({ first: 2, after });
      ids.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual(all.edges.map((e: any) => e.node.id));
    expect(ids).toHaveLength(all.totalCount);
  });

  it('no refused write left an entry', async () => {
    const log = await audit({ first: 100 });
    const ops = log.edges.map((e: any) => `${e.node.actor}:${e.node.operation}`);
    expect(ops.filter((o: string) => !['ann:createActor', 'ann:updateActor', 'ann:addActorAlias', 'root:addActorAlias'].includes(o))).toEqual([]);
  });
});

describe('secrets', () => {
  it('never appear in a response, the audit log or any table', async () => {
    // Walk the whole audit log as admin (its text is now in `seen` too).
    let after: string | null = null;
    do {
      const page: any = ok(await call('query ($after: String) { auditLog(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { actor before after } } } }', { after }, ADMIN)).auditLog;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const tables = JSON.stringify(await dumpTables(s.t.db), (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    expect(seen.length).toBeGreaterThan(50);
    for (const secret of [EDITOR_SECRET, ADMIN_SECRET]) {
      expect(seen.filter((text) => text.includes(secret))).toEqual([]);
      expect(tables.includes(secret)).toBe(false);
    }
  });
});
