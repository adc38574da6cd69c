#!/usr/bin/env bash
# Formats the whole repository with Prettier (.prettierrc.json, .prettierignore), then runs
# ESLint and the format check to show the tree is still clean. Meant to be run once, after
# the parallel branches are merged, and committed as one formatting-only commit:
#
#   bash tools/scripts/format-all.sh && git commit -am "Format the repository with Prettier"
set -euo pipefail
cd "$(dirname "$0")/../.."

npx prettier --write --log-level warn .
echo "Prettier changed: $(git diff --shortstat)"
NX_DAEMON=false npx nx run-many -t lint format-check --outputStyle=stream
