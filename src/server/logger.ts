/** Structured logs: one JSON object per line on stdout (errors on stderr). Never logs tokens. */
export type LogLevel = 'silent' | 'info' | 'debug';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel): Logger {
  const write = (stream: NodeJS.WriteStream, lvl: string, msg: string, fields?: Record<string, unknown>) =>
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
  const on = (min: LogLevel) => level !== 'silent' && (min === 'info' || level === 'debug');
  return {
    info: (msg, f) => on('info') && write(process.stdout, 'info', msg, f),
    debug: (msg, f) => on('debug') && write(process.stdout, 'debug', msg, f),
    warn: (msg, f) => level !== 'silent' && write(process.stderr, 'warn', msg, f),
    error: (msg, f) => write(process.stderr, 'error', msg, f),
  };
}
