#!/usr/bin/env bash
# The seed's CLI wrapper (`./scripts/aitbc-cli.sh health`, `… submit inference --prompt … --model …`):
# the same verbs as `npx aitbc`, runnable from anywhere inside or outside the project.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$here/cli/dist/main.js" ]; then
  echo "aitbc-cli.sh: the CLI is not built yet. Run 'npm ci' (or 'npm run build') in $here first." >&2
  exit 3
fi
# Outside the project the CLI still finds the local stack through its data dir.
export AITBC_DATA_DIR="${AITBC_DATA_DIR:-$here/.aitbc}"
exec node "$here/cli/bin/aitbc.js" "$@"
