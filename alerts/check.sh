#!/usr/bin/env bash
# Validates the alert rules and runs their unit tests with promtool (from the Prometheus release,
# or Debian/Ubuntu: apt-get install prometheus). Exits non-zero on the first failure.
# The same two commands run in `./mvnw verify` as agent/.../export/PromtoolRulesIT.
set -euo pipefail
cd "$(dirname "$0")/.."

PROMTOOL="${PROMTOOL:-promtool}"
if ! command -v "$PROMTOOL" >/dev/null 2>&1; then
  echo "promtool not found (looked for '$PROMTOOL'): install Prometheus' promtool or set PROMTOOL=/path/to/promtool" >&2
  exit 2
fi

"$PROMTOOL" check rules alerts/mirrorwatch-rules.yaml
"$PROMTOOL" test rules alerts/tests/*.yaml
