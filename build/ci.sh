#!/usr/bin/env bash
# What CI runs (and what a maintainer runs to reproduce CI locally).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

status=0
# Steps that are not test projects count as one failure each in the closing "N passed, N failed" line.
failed_steps=0
step() { "$@" || { status=1; failed_steps=$((failed_steps + 1)); echo "CI step failed: $*" >&2; }; }

# Build like the CI machine does (ContinuousIntegrationBuild maps source paths to /_/), so path bugs show here.
export CI=true

# Generated files must match their sources: the imported upstream types, the CRD YAML of our kinds and
# the API reference (build/import-crds.sh regenerates them).
step build/import-crds.sh --check

# Every CRD in the generator's catalog must match src/Crds (build/regen-crds.sh regenerates them).
step build/regen-crds.sh --check

# The test results of every step count in build/test.sh's closing line: start them clean here, keep them there.
rm -rf artifacts/test-results

# Pack the SDK, then build and test samples/preset-sdk against the packed packages (a broken package fails CI).
step build/test-preset-sdk.sh

# The README's "Write a preset in C#" quick start, run as written against the packed packages.
step build/test-readme-quickstart.sh

KEEL_KEEP_TEST_RESULTS=1 KEEL_FAILED_STEPS=$failed_steps build/test.sh || status=1
exit $status
