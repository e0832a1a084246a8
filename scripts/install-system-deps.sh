#!/usr/bin/env bash
# Installs the system packages the test suite needs beyond Node.js: the PostgreSQL
# server binaries (initdb, pg_ctl, postgres) that the PostgresPersistence tests use to
# start a throw-away server on 127.0.0.1. Debian/Ubuntu (apt-get) only.
#
# Idempotent: does nothing when the binaries are already installed. Runs apt-get as
# root, through sudo when not root. Never starts a PostgreSQL service (the tests start
# their own server in a temp directory and stop it afterwards).
set -euo pipefail

have_postgres() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null && compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' > /dev/null
}

if have_postgres; then
  echo "install-system-deps: PostgreSQL server binaries already installed: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
  exit 0
fi

if ! command -v apt-get > /dev/null; then
  echo "install-system-deps: apt-get not found; install the PostgreSQL server (initdb, pg_ctl) by hand" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo > /dev/null; then
    as_root=(sudo)
  else
    echo "install-system-deps: must run as root or with sudo available" >&2
    exit 1
  fi
fi

"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql

if ! have_postgres; then
  echo "install-system-deps: postgresql installed but initdb/pg_ctl not found under /usr/lib/postgresql" >&2
  exit 1
fi
echo "install-system-deps: installed $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
