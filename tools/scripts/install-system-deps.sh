#!/usr/bin/env bash
# Installs what the test suite needs from Debian: Chromium for the browser tests
# (the info widget, and Storybook's accessibility pass), and PostgreSQL for the tests
# that start a throwaway server (@vbe/test-postgres). Idempotent: each dependency is
# checked on its own and only the missing ones are installed. Uses sudo when not run
# as root.
set -euo pipefail
sudo_=""
[ "$(id -u)" = 0 ] || sudo_="sudo"

# The newest /usr/lib/postgresql/<version>/bin holding the server binaries, if any.
postgres_bin() {
  local v
  for v in $(ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+(\.[0-9]+)?$' | sort -rn); do
    if [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ] && [ -x "/usr/lib/postgresql/$v/bin/postgres" ]; then
      echo "/usr/lib/postgresql/$v/bin"
      return 0
    fi
  done
  return 1
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The server binaries, and the `postgres` system user that runs them when the tests run as root.
{ postgres_bin >/dev/null && id -u postgres >/dev/null 2>&1; } || missing+=(postgresql)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the tests…"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v chromium >/dev/null 2>&1 || { echo "chromium: not found after installing" >&2; exit 1; }
echo "chromium: $(chromium --version 2>/dev/null || echo present)"
pg_bin="$(postgres_bin)" || { echo "postgresql: server binaries not found under /usr/lib/postgresql/<version>/bin after installing" >&2; exit 1; }
echo "postgresql: $("$pg_bin/postgres" --version) ($pg_bin)"
