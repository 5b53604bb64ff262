/**
 * The HTTP layer (node:http): /graphql (POST, GET, and the IDE for browsers), /healthz, and the body
 * size limit, which is enforced while reading so an oversized body is never buffered whole.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../context.ts';
import { createContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from './logger.ts';
import { authenticate, type parseTokens } from '../auth/tokens.ts';

export const GRAPHQL_PATH = '/graphql';

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

class TooLarge extends Error {}

function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume(); // drain without keeping it
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createHttpHandler(opts: {
  apollo: ApolloServer<Context>; db: Db; logger: Logger; maxBodyBytes: number; tokens: ReturnType<typeof parseTokens>;
}) {
  const { apollo, db, logger, maxBodyBytes, tokens } = opts;
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/healthz') {
        try {
          await db.$queryRawUnsafe('SELECT 1');
          return sendJson(res, 200, { status: 'ok' });
        } catch (e) {
          logger.error('health check failed', { error: (e as Error).message });
          return sendJson(res, 503, { status: 'unavailable' });
        }
      }
      if (url.pathname === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH });
        return res.end();
      }
      if (url.pathname !== GRAPHQL_PATH) return sendJson(res, 404, errorBody(`Not found: ${url.pathname}; the API is at ${GRAPHQL_PATH}`, 'NOT_FOUND'));
      if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'OPTIONS') {
        return sendJson(res, 405, errorBody('Use GET or POST', 'BAD_REQUEST'), { allow: 'GET, POST' });
      }

      const auth = authenticate(req.headers.authorization, tokens);
      if ('invalid' in auth) {
        return sendJson(res, 401, errorBody('Invalid bearer token', 'UNAUTHENTICATED'), { 'www-authenticate': 'Bearer' });
      }

      let body: unknown;
      if (req.method === 'POST') {
        let raw: string;
        try {
          raw = await readBody(req, maxBodyBytes);
        } catch (e) {
          if (e instanceof TooLarge) {
            res.setHeader('connection', 'close');
            return sendJson(res, 413, errorBody(`Request body exceeds ${maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE'));
          }
          throw e;
        }
        const type = String(req.headers['content-type'] ?? '');
        if (type.includes('application/json') || type.includes('application/graphql-response+json')) {
          try {
            body = raw ? JSON.parse(raw) : undefined;
          } catch {
            return sendJson(res, 400, errorBody('Request body is not valid JSON', 'BAD_REQUEST'));
          }
        } else body = raw;
      }

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(db, requestId, auth.principal),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') return res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (e) {
      logger.error('unhandled HTTP error', { requestId, error: (e as Error).stack ?? String(e) });
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.end();
    }
  };
}
