/**
 * Prints NATO's dealings with Iraq from 2004 to 2018, in date order, through the typed SDK.
 *
 *   DOSSIER_URL=http://127.0.0.1:4000/graphql npx tsx examples/timeline.ts
 */
import { createDossierClient, type TimelineQuery } from '@dossier/sdk';

const dossier = createDossierClient({ endpoint: process.env.DOSSIER_URL ?? 'http://127.0.0.1:4000/graphql' });

type Entry = TimelineQuery['timeline']['edges'][number];

// `__typename` narrows the union, so each branch sees exactly the fields its type selected.
function describe({ node }: Entry): string {
  switch (node.__typename) {
    case 'Event':
      return `event     ${node.title} (${node.kind.toLowerCase()})`;
    case 'Request':
      return `request   ${node.requesters.map((a) => a.name).join(', ')}: ${node.summary} [${node.status}]`;
    case 'RequestResponse':
      return `response  ${node.responder.name} ${node.stance}: ${node.summary}`;
  }
}

const entries: Entry[] = [];
let after: string | null = null;
do {
  const { timeline } = await dossier.timeline({ actor: 'nato', from: '2004', to: '2018', first: 100, after });
  entries.push(...timeline.edges);
  after = timeline.pageInfo.hasNextPage ? timeline.pageInfo.endCursor : null;
} while (after);

console.log(`NATO–Iraq timeline, 2004–2018 (${entries.length} entries)\n`);
for (const entry of entries) console.log(`${entry.date.padEnd(10)}  ${describe(entry)}`);
