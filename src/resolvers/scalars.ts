/** Custom scalars: PartialDate ("2004", "2004-06", "2004-06-21") and DateTime (ISO 8601 UTC). */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { tryParsePartialDate } from '../domain/partial-date.ts';

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function parsePartial(value: unknown): string {
  if (typeof value !== 'string') throw invalid('PartialDate must be a string: "YYYY", "YYYY-MM" or "YYYY-MM-DD"');
  const parsed = tryParsePartialDate(value);
  if (!parsed) throw invalid(`"${value.slice(0, 40)}" is not a PartialDate: use "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date)`);
  return parsed.value;
}

export const PartialDate = new GraphQLScalarType({
  name: 'PartialDate',
  description: 'A date as precise as its source: "2004", "2004-06" or "2004-06-21".',
  serialize: (value) => parsePartial(value),
  parseValue: parsePartial,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('PartialDate must be a string literal');
    return parsePartial(ast.value);
  },
});

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in UTC, ISO 8601.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
    throw new Error('DateTime cannot represent this value');
  },
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalid('DateTime must be an ISO 8601 string');
    return new Date(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) throw invalid('DateTime must be an ISO 8601 string');
    return new Date(ast.value);
  },
});
