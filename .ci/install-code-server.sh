#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) into .cache/code-server/ inside the repo
# (gitignored) for test/editors/vscode.test.ts. 4.100.3 (VS Code 1.100.3) is the last release
# that installs on Node 20. Needs the Debian packages of .ci/install-editors.sh (build tools,
# X11/krb5/secret headers, ripgrep). Idempotent: does nothing when that version is installed.
set -euo pipefail

VERSION=4.100.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PREFIX="$ROOT/.cache/code-server"
BIN="$PREFIX/node_modules/.bin/code-server"

# On its first run code-server writes ~/.config/code-server/config.yaml and says so on stdout
# before the version: keep only the line that starts with a version number.
installed_version() { [[ -x $BIN ]] && "$BIN" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+ ' || true; }

# Two runs at once (npm start beside a test run) would delete each other's install: one at a time.
mkdir -p "$ROOT/.cache"
exec 9>"$ROOT/.cache/code-server.lock"
flock 9

if [[ $(installed_version) == "$VERSION "* ]]; then
  echo "install-code-server: code-server $VERSION already in $PREFIX"
  exit 0
fi

command -v rg >/dev/null || { echo "install-code-server: ripgrep missing: run .ci/install-editors.sh first" >&2; exit 1; }

# @vscode/ripgrep's postinstall downloads a ripgrep binary unless it finds one in its cache
# folder under the temp dir; hand it Debian's rg under the file name it looks for. The temp dir
# is a private one (mktemp -d, mode 700), not a predictable path under /tmp that another local
# user could fill with a binary of their own first; it is removed on exit.
PRIVATE_TMP=$(mktemp -d)
trap 'rm -rf "$PRIVATE_TMP"' EXIT
export TMPDIR=$PRIVATE_TMP
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

# Native modules compile against the system Node's headers (Debian's nodejs-dev layout) rather
# than headers node-gyp would download.
[[ -f /usr/include/node/node.h ]] && export npm_config_nodedir=/usr

rm -rf "$PREFIX"
mkdir -p "$PREFIX"
# A package.json of its own keeps npm from treating the repo as the project to install into.
echo '{ "name": "code-server-install", "private": true }' > "$PREFIX/package.json"
# npm 11 blocks dependencies' install scripts; code-server's postinstall (which installs VS Code's
# own node_modules) must run, so scripts are allowed for this one install only. As root, that
# postinstall also insists on --unsafe-perm (npm 11 no longer knows the flag but passes it on).
cd "$PREFIX"
npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm install --no-save --no-audit --no-fund --unsafe-perm "code-server@$VERSION"

[[ $(installed_version) == "$VERSION "* ]] || { echo "install-code-server: $BIN does not report $VERSION" >&2; exit 1; }
echo "install-code-server: code-server $VERSION installed in $PREFIX"
