#!/bin/sh
# Installs Debian's PostgreSQL server binaries for `npm run test:postgres`, which starts its own
# throwaway cluster with them (initdb/pg_ctl; nothing is configured or started here). Idempotent: does
# nothing when initdb is on PATH or under /usr/lib/postgresql. Needs root (or sudo) and Debian's apt.
set -eu

if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO='sudo'; else
    echo 'install-postgresql: must run as root (or with sudo available)' >&2
    exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib; } >"$log" 2>&1; then
  cat "$log" >&2
  echo 'install-postgresql: apt-get failed' >&2
  exit 1
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo 'install-postgresql: apt-get succeeded but no initdb under /usr/lib/postgresql' >&2
  exit 1
fi
