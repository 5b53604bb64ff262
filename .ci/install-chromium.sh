#!/bin/sh
# Installs Debian's chromium for the headless-browser tests (test/browser), which drive it through
# playwright-core with executablePath /usr/bin/chromium (`npx playwright install` cannot work offline).
# Idempotent: does nothing when /usr/bin/chromium exists. Needs root (or sudo) and Debian's apt.
set -eu

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO='sudo'; else
    echo 'install-chromium: must run as root (or with sudo available)' >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo 'install-chromium: apt-get failed' >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  echo 'install-chromium: apt-get succeeded but /usr/bin/chromium is missing' >&2
  exit 1
fi
