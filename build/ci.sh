#!/usr/bin/env bash
# What CI runs (.ci/run calls it) and the README's test command: checks, then build/test.sh; ends with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

status=0
# Steps that are not test projects count as one failure each in the closing "N passed, N failed" line.
failed_steps=0
step() { "$@" || { status=1; failed_steps=$((failed_steps + 1)); echo "CI step failed: $*" >&2; }; }

# Build like the CI machine does (ContinuousIntegrationBuild maps source paths to /_/), so path bugs show here.
export CI=true

# kubectl and Helm 4 into .tools/bin first: the chart checks and the kubectl suites need them.
step build/install-tools.sh

# Generated files must match their sources: the imported upstream types, the CRD YAML of our kinds and
# the API reference (build/import-crds.sh regenerates them).
step build/import-crds.sh --check

# Every CRD in the generator's catalog must match src/Crds (build/regen-crds.sh regenerates them).
step build/regen-crds.sh --check

# deploy/ and the Helm chart: the generated parts (CRD copies, RBAC generated from the operator's code) are up to
# date, the chart lints and renders, and with default values it renders exactly the objects of deploy/.
step build/gen-deploy.sh --check
step build/check-chart.sh

# The Dockerfile is not built here (no container runtime); tests/Keel.Operator.Tests/Install/DockerfileTests.cs, run by
# build/test.sh, holds it to deploy/30-deployment.yaml, and ConfigurationDocTests/SecurityDocTests hold the user guide to
# the run command's flags and the shipped roles.

# The test results of every step count in build/test.sh's closing line: start them clean here, keep them there.
rm -rf artifacts/test-results

# Pack the SDK, then build and test samples/preset-sdk against the packed packages (a broken package fails CI).
step build/test-preset-sdk.sh

# The README's "Write a preset in C#" quick start, run as written against the packed packages.
step build/test-readme-quickstart.sh

KEEL_KEEP_TEST_RESULTS=1 KEEL_FAILED_STEPS=$failed_steps build/test.sh || status=1
exit $status
