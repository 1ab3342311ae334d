#!/usr/bin/env bash
# The one test command (`npm test`): lint, types, unit tests, build, then the
# integration tests against the real local stack (scripts/services.sh), then the
# end-to-end tests of the web portal in headless Chromium.
# Extra arguments are passed to the jest runs (e.g. a path pattern).
# TEST_SKIP="lint typecheck" skips phases by name (local use; CI runs them all).
# The stack is started if needed and stopped afterwards only if this run (or another
# test runner) started it — never a stack somebody started by hand.
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT_DIR"

PHASES=()
phase() {
  local name=$1 t0=$SECONDS rc=0
  shift
  if [[ " ${TEST_SKIP:-} " == *" $name "* ]]; then
    PHASES+=("$(printf '%-12s %4s   skipped' "$name" -)")
    return 0
  fi
  printf '\n=== %s ===\n' "$name"
  "$@" || rc=$?
  PHASES+=("$(printf '%-12s %4ss  %s' "$name" "$((SECONDS - t0))" "$([[ $rc == 0 ]] && echo ok || echo "FAILED ($rc)")")")
  if ((rc != 0)); then
    summary
    exit "$rc"
  fi
}

summary() {
  printf '\n=== test phases ===\n'
  printf '%s\n' "${PHASES[@]}"
}

LEASED=0
release_stack() {
  if ((LEASED)); then
    LEASED=0
    bash scripts/services.sh release "$$" || true
  fi
}
trap release_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

acquire_stack() {
  bash scripts/services.sh acquire "$$" && LEASED=1
}

e2e_run() {
  npm run build:web --silent && npx jest -c jest.e2e.config.js --runInBand --passWithNoTests "$@" &&
    npm run build:mobile --silent &&
    npx jest -c mobile/e2e/jest.e2e.config.js --runInBand --passWithNoTests "$@"
}

phase lint npm run lint --silent
phase typecheck npm run typecheck --silent
phase unit npx jest -c jest.unit.config.js --passWithNoTests "$@"
phase build npm run build --silent
phase services acquire_stack
phase integration npx jest -c jest.integration.config.js --runInBand --passWithNoTests "$@"
# End to end: the production web build in Debian's headless Chromium against the demo
# stack (web/e2e; the jest global setup starts it on ports of its own and stops it), then
# the mobile build on phones (mobile/e2e, its own stack the same way).
phase e2e e2e_run "$@"
release_stack
summary
