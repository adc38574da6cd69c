#!/usr/bin/env bash
# Installs what the test suite needs from Debian: Chromium for the browser tests
# (the info widget, and Storybook's accessibility pass). Idempotent; uses sudo when
# not run as root.
set -euo pipefail
sudo_=""
[ "$(id -u)" = 0 ] || sudo_="sudo"
if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(chromium --version 2>/dev/null || echo present)"
  exit 0
fi
echo "Installing Debian's chromium for the browser tests…"
$sudo_ apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium >/dev/null
echo "chromium: $(chromium --version)"
