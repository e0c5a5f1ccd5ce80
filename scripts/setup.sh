#!/usr/bin/env bash
# Everything a fresh Debian 12 machine lacks, pinned: the editors and browser the tests drive
# (apt), the project's npm packages (package-lock.json), and code-server. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-editors.sh
npm ci --no-audit --no-fund
bash .ci/install-code-server.sh
