#!/usr/bin/env bash
# What CI runs (and what a maintainer runs to reproduce CI locally).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

status=0

# Build like the CI machine does (ContinuousIntegrationBuild maps source paths to /_/), so path bugs show here.
export CI=true

# Generated files must match their sources: the imported upstream types, the CRD YAML of our kinds and
# the API reference (build/import-crds.sh regenerates them).
build/import-crds.sh --check || status=1

# Every CRD in the generator's catalog must match src/Crds (build/regen-crds.sh regenerates them).
build/regen-crds.sh --check || status=1

# The test results of every step count in build/test.sh's closing line: start them clean here, keep them there.
rm -rf artifacts/test-results

# Pack the SDK, then build and test samples/preset-sdk against the packed packages (a broken package fails CI).
build/test-preset-sdk.sh || status=1

KEEL_KEEP_TEST_RESULTS=1 build/test.sh || status=1
exit $status
