#!/usr/bin/env bash
# Installs Redocly CLI (pinned in package.json / package-lock.json) into build-tools/redocly/node_modules,
# for the OpenAPI lint test (web: OpenApiDocumentTest). Idempotent; needs Node.js >= 20.19 and npm.
#   build-tools/redocly/install.sh          install when missing or when the lock file changed
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$HERE/node_modules/.bin/redocly"
STAMP="$HERE/node_modules/.watchkeeper-lock.sha256"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: Node.js and npm are needed to lint the OpenAPI document; run: apt-get install -y nodejs npm" >&2
  exit 3
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if (( major < 20 )); then
  echo "error: Node.js $(node --version) is too old for Redocly CLI (needs >= 20.19); run: apt-get install -y nodejs npm" >&2
  exit 3
fi

lock_sum="$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)"
if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$lock_sum" ]]; then
  exit 0
fi
( cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2 )
echo "$lock_sum" > "$STAMP"
