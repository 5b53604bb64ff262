/**
 * The GraphQL IDE served at GET /graphql to browsers: GraphiQL with every asset inlined in one page
 * (@graphql-yoga/render-graphiql), so nothing is fetched from a CDN, with example queries of the seed
 * story in tabs. Rendered on the first visit and kept: the inlined bundle costs ~100 MB of memory to
 * load, which a server nobody opens the IDE on (or one with introspection off) never pays.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';

const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ide-examples');

/** The example operations shown in the IDE's tabs (also run by the tests, so they stay valid). */
export function ideExamples(): { name: string; query: string }[] {
  return fs.readdirSync(examplesDir).filter((f) => f.endsWith('.graphql')).sort()
    .map((f) => ({ name: f.replace(/^\d+-|\.graphql$/g, ''), query: fs.readFileSync(path.join(examplesDir, f), 'utf8') }));
}

export async function renderIde(endpoint = '/graphql'): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL({
    title: 'dossier GraphQL IDE',
    endpoint,
    defaultTabs: ideExamples().map((e) => ({ query: e.query })),
    headers: JSON.stringify({}),
    shouldPersistHeaders: false,
    schemaDescription: true,
  });
}

export function idePlugin(endpoint = '/graphql'): ApolloServerPlugin {
  let html: Promise<string> | undefined;
  return {
    async serverWillStart() {
      const render = () => {
        // Keep a successful render; forget a failed one so the next visit retries.
        html ??= renderIde(endpoint).catch((e: unknown) => {
          html = undefined;
          throw e;
        });
        return html;
      };
      return { async renderLandingPage() { return { html: render }; } };
    },
  };
}
