/**
 * Structured logs through pino: one JSON object per line, info and below on stdout, warnings and errors
 * on stderr. Authorization headers and token-like fields are redacted wherever they appear. `silent`
 * still reports errors (an operator must see a fault even with request lines turned off).
 */
import { pino, type Logger as Pino } from 'pino';
import type { LogLevel } from '../config.ts';

export type { LogLevel } from '../config.ts';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** The underlying pino logger. */
  pino: Pino;
}

export const REDACTED_PATHS = [
  'authorization', 'headers.authorization', 'req.headers.authorization', 'request.headers.authorization',
  'token', 'secret', 'tokens',
];

export function createLogger(level: LogLevel, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Logger {
  const p = pino(
    {
      level: level === 'silent' ? 'error' : level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    // Streams are looked up on each write, so a test that swaps process.stderr.write still sees lines.
    pino.multistream([{ level: 'trace', stream: out }, { level: 'warn', stream: err }], { dedupe: true }),
  );
  return {
    info: (msg, f) => p.info(f ?? {}, msg),
    debug: (msg, f) => p.debug(f ?? {}, msg),
    warn: (msg, f) => p.warn(f ?? {}, msg),
    error: (msg, f) => p.error(f ?? {}, msg),
    pino: p,
  };
}
