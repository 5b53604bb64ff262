/** The narrow rows' bookkeeping against the schema and the type guesser (the behaviour is tested over HTTP in nested-prefetch). */
import { buildSchema, isObjectType } from 'graphql';
import { typeDefs } from '../server/apollo.ts';
import { NARROW } from '../loaders/index.ts';
import { nodeTypeOf } from './node-type.ts';
import { listedFields } from './shapes.ts';

const schema = buildSchema(typeDefs);

it('every field whose needs are listed exists in the schema (a renamed field would leave a stale entry)', () => {
  for (const key of listedFields()) {
    const [type, field] = key.split('.') as [string, string];
    const t = schema.getType(type);
    expect(isObjectType(t) && t.getFields()[field] ? key : `${key} missing`).toBe(key);
  }
});

it('a narrow row is told apart as its own type, as a whole row is', () => {
  for (const [model, columns] of Object.entries(NARROW)) {
    const row = Object.fromEntries(columns.map((c) => [c, null]));
    expect(nodeTypeOf(row)).toBe(model);
  }
});
