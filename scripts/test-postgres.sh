#!/usr/bin/env bash
# npm run test:postgres [-- jest args]
# Runs the integration, write, concurrency and SDK suites, and the PostgreSQL-only ones (test/postgres),
# against a throwaway PostgreSQL cluster: initdb in a temp directory, a free loopback port, trust auth,
# C collation (byte order, as SQLite compares text). Each test file gets its own database (test/helpers/db.ts).
# The cluster is stopped and deleted on any exit. Needs Debian's PostgreSQL server binaries
# (`apt-get install -y postgresql`, or `sh .ci/install-postgresql.sh`); nothing else is configured.
set -euo pipefail
cd "$(dirname "$0")/.."

bindir=''
if command -v initdb >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v initdb)")
else
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo 'test:postgres: no PostgreSQL server binaries (initdb); install them with: sudo apt-get install -y postgresql' >&2
  exit 1
fi

tmp=$(mktemp -d)
# The server refuses to run as root: as root, run it as the "postgres" user Debian's package creates.
as_server() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo 'test:postgres: running as root and there is no "postgres" user to run the server as' >&2
    exit 1
  fi
  chown postgres "$tmp"
  as_server() { runuser -u postgres -- "$@"; }
fi

port=$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
cleanup() {
  as_server "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

as_server "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust --locale=C --encoding=UTF8 --no-sync >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log" >&2; exit 1; }
# Durability is not under test here: no fsync, so the suites run at memory speed.
if ! as_server "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
  -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  cat "$tmp/server.log" >&2
  exit 1
fi
echo "test:postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $NF}') on 127.0.0.1:$port"

export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
NODE_OPTIONS=--experimental-vm-modules npx jest --config jest.postgres.config.js "$@"
