/**
 * Records a new text and a request it reports, with evidence quotes, through the typed SDK: ingests the
 * text, creates the requesting actor (or reuses it), adds the request with its items (one of them
 * explicitly not asked for) and a response, then prints the request as stored. Needs an editor token.
 * Running it again reuses what the first run recorded.
 *
 *   DOSSIER_URL=http://127.0.0.1:4000/graphql DOSSIER_TOKEN=<editor secret> npx tsx examples/ingest-and-request.ts
 */
import { createDossierClient, DossierError, type EvidenceInput } from '@dossier/sdk';

const dossier = createDossierClient({
  endpoint: process.env.DOSSIER_URL ?? 'http://127.0.0.1:4000/graphql',
  token: process.env.DOSSIER_TOKEN,
});

const body = `Baghdad, 12 March 2019 (illustrative text) — Iraq's Ministry of Defence asked NATO to expand its training mission, requesting instructors for military academies and advice on defence reform, but not combat troops.
NATO Secretary General Jens Stoltenberg said the Alliance would consider the request.`;

// 1. The document. The same text twice is a CONFLICT whose extensions name the existing document.
let documentId: string;
try {
  const { ingestDocument } = await dossier.ingestDocument({
    input: { body, title: 'Iraq asks NATO to expand its training mission (example)', publisher: 'dossier SDK example', published: '2019-03-12' },
  });
  documentId = ingestDocument.document.id;
  console.log(`ingested "${ingestDocument.document.title}" (${ingestDocument.document.wordCount} words)`);
} catch (e) {
  if (!(e instanceof DossierError && e.is('CONFLICT') && e.extensions.existingId !== undefined)) throw e;
  documentId = e.extensions.existingId;
  console.log('the text is already stored; reusing it');
}
const quote = (text: string): EvidenceInput => ({ document: documentId, quote: text });

// 2. The requester: reused when it exists, created (with a mention as evidence) otherwise.
const ministry = 'iraqi-ministry-of-defence';
if (!(await dossier.actorProfile({ slug: ministry, first: 1 })).actor) {
  const { createActor } = await dossier.createActor({
    input: { slug: ministry, name: 'Ministry of Defence of Iraq', kind: 'ORGANIZATION', countryCode: 'IRQ', aliases: ["Iraq's Ministry of Defence"], evidence: [quote("Iraq's Ministry of Defence")] },
  });
  console.log(`created actor ${createActor.actor.name}`);
}

// 3. The request, its items (one explicitly not asked for) and a response.
const slug = 'iraq-2019-nato-training-expansion-example';
if (!(await dossier.requestDetail({ slug })).request) {
  await dossier.createRequest({
    input: {
      slug,
      summary: "Iraq's Ministry of Defence asked NATO to expand its training mission, but not with combat troops.",
      channel: 'STATEMENT',
      date: '2019-03-12',
      requesters: [{ actor: ministry, onBehalfOf: 'iraq' }],
      addressees: [{ actor: 'nato' }],
      items: [
        { category: 'TRAINING', description: 'Instructors for military academies', evidence: [quote('instructors for military academies')] },
        { category: 'ADVICE', description: 'Advice on defence reform', evidence: [quote('advice on defence reform')] },
        { category: 'TROOPS', description: 'Combat troops (explicitly not requested)', excluded: true, evidence: [quote('but not combat troops')] },
      ],
      evidence: [quote('asked NATO to expand its training mission')],
    },
  });
  await dossier.addRequestResponse({
    input: {
      request: slug, responder: 'jens-stoltenberg', stance: 'CONSIDERING', date: '2019-03-12',
      summary: 'Said the Alliance would consider the request.', evidence: [quote('the Alliance would consider the request')],
    },
  });
}

// 4. The request as stored.
const { request } = await dossier.requestDetail({ slug });
if (!request) throw new Error(`request ${slug} not found`);
console.log(`\n${request.summary}`);
console.log(`  ${request.date} · ${request.channel} · ${request.status}`);
for (const p of request.parties) console.log(`  ${p.side.toLowerCase()}: ${p.actor.name}${p.onBehalfOf ? ` for ${p.onBehalfOf.name}` : ''}`);
for (const item of request.items) console.log(`  + ${item.category}: ${item.description}  «${item.evidence[0]?.quote}»`);
for (const item of request.exclusions) console.log(`  − not ${item.category}: ${item.description}  «${item.evidence[0]?.quote}»`);
for (const r of request.responses) console.log(`  ↳ ${r.responder.name} ${r.stance} (${r.date}): ${r.summary}  «${r.evidence[0]?.quote}»`);
console.log(`  evidence from: ${request.documents.edges.map((e) => e.node.title).join('; ')}`);
