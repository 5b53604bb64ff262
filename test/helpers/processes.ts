/**
 * The real server and the project's scripts as child processes, for the suites that test them as an
 * operator runs them (crash and restart, backup beside a live server, two processes over one database):
 * `node --import tsx <script>` in the project root with jest's NODE_OPTIONS stripped, every child tracked
 * so that the suite's afterAll kills whatever is left, and a GraphQL client over fetch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/config.ts';
import type { GqlResult } from './server.ts';

/** The environment of a child: this process's, without jest's NODE_OPTIONS (not for the children), plus `vars`. */
export function childEnv(vars: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  delete env.NODE_OPTIONS;
  return env;
}

/** Resolves once the child has exited (at once if it has); rejects after `ms`. */
export function exited(child: ChildProcess, ms = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child ${child.pid} still running after ${ms} ms`)), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Stops a child with `signal` and waits for it to exit. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', ms = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await exited(child, ms);
}

export interface ServerProcess {
  child: ChildProcess;
  /** The GraphQL endpoint the server logged when ready. */
  url: string;
}

/**
 * The children one suite starts. `killAll()` (in afterAll) SIGKILLs whatever is still running; `output`
 * holds everything the servers printed, for failure messages and checks (e.g. no secret logged).
 */
export class Children {
  readonly all = new Set<ChildProcess>();
  readonly output: string[] = [];

  /** `node --import tsx <script> …args` in the project root. */
  spawn(script: string, args: string[], env: NodeJS.ProcessEnv, stdio: 'pipe' | 'ignore' = 'pipe'): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: projectRoot, env, stdio: ['ignore', stdio, stdio] });
    this.all.add(child);
    return child;
  }

  /** Runs one of the project's scripts (as `npm run` would, without npm) to its end: exit code and output (stdout and stderr). */
  run(script: string, args: string[], vars: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
    const child = this.spawn(script, args, childEnv(vars));
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
  }

  /**
   * Starts the server (`src/main.ts`) with `vars` on top of PORT=0 (it picks a free port and logs its
   * URL: a port probed here could be taken meanwhile), HOST=127.0.0.1 and LOG_LEVEL=info; resolves with
   * its URL once it logs that it is ready, rejects with everything it printed if it exits first or is
   * not ready within `readyTimeoutMs`.
   */
  startServer(vars: Record<string, string>, readyTimeoutMs = 90_000): Promise<ServerProcess> {
    const child = this.spawn('src/main.ts', [], childEnv({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...vars }));
    const output = this.output;
    return new Promise((resolve, reject) => {
      let pending = '';
      const timer = setTimeout(() => reject(new Error(`the server did not get ready in ${readyTimeoutMs} ms:\n${output.join('')}`)), readyTimeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output.push(text);
        pending += text;
        for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
          const line = pending.slice(0, nl);
          pending = pending.slice(nl + 1);
          let entry: { msg?: unknown; url?: unknown } = {};
          try { entry = JSON.parse(line); } catch { continue; }
          if (typeof entry.msg === 'string' && entry.msg.startsWith('dossier is ready') && typeof entry.url === 'string') {
            clearTimeout(timer);
            resolve({ child, url: entry.url });
          }
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output.join('')}`));
      });
    });
  }

  /** SIGKILLs every child still running and waits for each. */
  async killAll(): Promise<void> {
    await Promise.all([...this.all].map((child) => stop(child, 'SIGKILL', 10_000).catch(() => undefined)));
  }
}

/** A GraphQL request to a server process over fetch (30 s at most): the body, the status and the response headers. */
export async function gqlAt<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult<T> & { headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return { ...((await res.json()) as GqlResult<T>), status: res.status, headers: res.headers };
}
