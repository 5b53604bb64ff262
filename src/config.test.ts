import { ConfigError, loadConfig } from './config.ts';

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 4000, host: '127.0.0.1', introspection: true, requireAuthForReads: false, logLevel: 'info',
      corsOrigins: [], basePath: '', trustProxyHops: 0, shutdownGraceMs: 0, shutdownTimeoutMs: 10_000,
      responseCacheMb: 32, optimizeForSize: false, heapGrowthPercent: 50,
    });
    expect(c.databaseUrl).toMatch(/^file:\/.*data\/dossier\.db$/);
  });

  it('reports every problem of the environment together, one line each, never echoing a secret', () => {
    const found = problems({
      PORT: '70000', MAX_BODY_BYTES: '1e6', INTROSPECTION: 'maybe', LOG_LEVEL: 'loud',
      DOSSIER_TOKENS: 'ann:editor:long-enough-1,bare-secret-value', CORS_ORIGINS: 'https://ok.example, https://x.example/path',
      BASE_PATH: 'api', DATABASE_URL: 'mysql://root:hunter2-secret@db/x', SHUTDOWN_TIMEOUT_MS: '-1',
    });
    expect(found).toHaveLength(9);
    for (const name of ['PORT', 'MAX_BODY_BYTES', 'INTROSPECTION', 'LOG_LEVEL', 'DOSSIER_TOKENS', 'CORS_ORIGINS', 'BASE_PATH', 'DATABASE_URL', 'SHUTDOWN_TIMEOUT_MS']) {
      expect(found.some((p) => p.includes(name))).toBe(true);
    }
    expect(found.join('\n')).not.toContain('bare-secret-value');
    expect(found.join('\n')).not.toContain('hunter2-secret');
  });

  it('runs compiled operations by default, takes graphql-js as the way back, and refuses anything else', () => {
    expect(loadConfig({}).executor).toBe('compiled');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).executor).toBe('graphql-js');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'Compiled' }).executor).toBe('compiled');
    expect(problems({ GRAPHQL_EXECUTOR: 'jit' })).toEqual(['GRAPHQL_EXECUTOR must be one of compiled, graphql-js, got "jit"']);
  });

  it('takes HEAP_GROWTH_PERCENT from 0 (V8 decides) to 1000, and refuses anything else', () => {
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0);
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '100' }).heapGrowthPercent).toBe(100);
    for (const bad of ['-1', '1001', '1.5', 'half']) expect(problems({ HEAP_GROWTH_PERCENT: bad }).join()).toContain('HEAP_GROWTH_PERCENT');
  });

  it('takes SQLITE_CACHE_MB from 1 to 4096 (default 8 MB per connection), and refuses anything else', () => {
    expect(loadConfig({}).sqliteCacheMb).toBe(8);
    expect(loadConfig({ SQLITE_CACHE_MB: '16' }).sqliteCacheMb).toBe(16);
    for (const bad of ['0', '-1', '4097', '2.5', 'lots']) expect(problems({ SQLITE_CACHE_MB: bad }).join()).toContain('SQLITE_CACHE_MB');
  });

  it('takes a PostgreSQL URL as it is, a SQLite file made absolute, and refuses other URLs without echoing a password', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://app:pw@db.example:5432/dossier?sslmode=require' }).databaseUrl)
      .toBe('postgresql://app:pw@db.example:5432/dossier?sslmode=require');
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/dossier' }).databaseUrl).toBe('postgres://app@db/dossier');
    expect(loadConfig({ DATABASE_URL: 'file:./x.db' }).databaseUrl).toMatch(/^file:\/.*\/x\.db$/);
    const [bad] = problems({ DATABASE_URL: 'postgresql://app:topsecret@' });
    expect(bad).toContain('DATABASE_URL');
    expect(bad).not.toContain('topsecret');
    expect(problems({ DATABASE_URL: 'db.sqlite' })).toHaveLength(1);
  });

  it('takes origins, a wildcard and base paths in their usual spellings', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.org/, http://localhost:5173' }).corsOrigins)
      .toEqual(['https://app.example.org', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example,*' }).corsOrigins).toEqual(['*']);
    expect(loadConfig({ BASE_PATH: '/dossier/v1/' }).basePath).toBe('/dossier/v1');
    expect(loadConfig({ BASE_PATH: '/' }).basePath).toBe('');
    expect(problems({ BASE_PATH: '/a b' })).toHaveLength(1);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('takes RESPONSE_CACHE_MB as whole MiB, 0 turning the cache off', () => {
    expect(loadConfig({ RESPONSE_CACHE_MB: '0' }).responseCacheMb).toBe(0);
    expect(loadConfig({ RESPONSE_CACHE_MB: '256' }).responseCacheMb).toBe(256);
    for (const bad of ['-1', '1.5', 'lots', '5000']) {
      expect(problems({ RESPONSE_CACHE_MB: bad })).toEqual([expect.stringContaining('RESPONSE_CACHE_MB')]);
    }
  });
});
