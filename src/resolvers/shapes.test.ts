/** The column bookkeeping against the schema and the type guesser (the behaviour is tested over HTTP in nested-prefetch and event-columns). */
import { buildSchema, isObjectType } from 'graphql';
import { typeDefs } from '../server/apollo.ts';
import { COLUMNS } from '../loaders/index.ts';
import { nodeTypeOf } from './node-type.ts';
import { listedFields, listedNeeds, TAGS } from './shapes.ts';

const schema = buildSchema(typeDefs);

it('every field whose needs are listed exists in the schema (a renamed field would leave a stale entry)', () => {
  for (const key of listedFields()) {
    const [type, field] = key.split('.') as [string, string];
    const t = schema.getType(type);
    expect(isObjectType(t) && t.getFields()[field] ? key : `${key} missing`).toBe(key);
  }
});

it('a row of only its id and the type\'s tags is told apart as its own type, as a whole row is', () => {
  for (const [model, tags] of Object.entries(TAGS)) {
    // RequestParty is no Node and in no union: it has no tags, and is never told apart.
    if (model === 'RequestParty') continue;
    const narrow = Object.fromEntries(['id', ...tags].map((c) => [c, null]));
    expect(nodeTypeOf(narrow)).toBe(model);
    const whole = Object.fromEntries(COLUMNS[model as keyof typeof COLUMNS].map((c) => [c, null]));
    expect(nodeTypeOf(whole)).toBe(model);
  }
});

it('every column listed is a column of its model (never the body, which only its own loader reads)', () => {
  const all = [...Object.entries(TAGS), ...listedNeeds().flatMap(([, needs]) => Object.entries(needs))];
  for (const [model, columns] of all) {
    for (const c of columns) expect(`${model}.${COLUMNS[model as keyof typeof COLUMNS].includes(c) ? c : `${c} missing`}`).toBe(`${model}.${c}`);
  }
});
