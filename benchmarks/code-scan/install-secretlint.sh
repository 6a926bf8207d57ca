#!/usr/bin/env bash
# Installs secretlint (the yardstick of the code-scanning benchmark) into benchmarks/code-scan/node,
# pinned, from the npm registry. Nothing is installed globally.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$HERE/node"
cd "$HERE/node"
[[ -f package.json ]] || echo '{"name":"watchkeeper-bench-secretlint","private":true}' > package.json
npm install --no-audit --no-fund --save-exact secretlint@13.0.6 @secretlint/secretlint-rule-preset-recommend@13.1.0 >&2
cat > "$HERE/node/.secretlintrc.json" <<'JSON'
{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }
JSON
"$HERE/node/node_modules/.bin/secretlint" --version
