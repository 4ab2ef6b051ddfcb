#!/usr/bin/env bash
# Builds the solution and runs every test project; ends with the line "N passed, N failed".
# build/ci.sh (the README's test command, what .ci/run calls) runs it last. Extra arguments go to `dotnet test`
# (for example: build/test.sh --filter "FullyQualifiedName~Merge").
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

results="$root/artifacts/test-results"
# build/ci.sh runs steps before this one whose results count too (KEEL_KEEP_TEST_RESULTS=1); a local run starts clean.
[ "${KEEL_KEEP_TEST_RESULTS:-}" = 1 ] || rm -rf "$results"
mkdir -p "$results"

# kubectl and helm for the kubectl suites (Keel.ApiServer.Tests); the tests fail loudly if they are missing.
build/install-tools.sh || echo "install-tools failed: the kubectl suites will fail" >&2

dotnet test Keel.slnx -c Release --results-directory "$results" "$@"
status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# build/ci.sh's failed steps (generated-file drift, the SDK sample, the README quick start) count as failures too.
failed=$((failed + ${KEEL_FAILED_STEPS:-0}))

# A build failure produces no TRX; count it so the closing line never reads as a clean run.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  echo "dotnet test failed (exit $status) without a failing test: the build or a test host broke." >&2
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
