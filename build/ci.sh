#!/usr/bin/env bash
# What CI runs (and what a maintainer runs to reproduce CI locally).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

status=0

# kubectl and Helm 4 into .tools/bin first: the chart checks and the kubectl suites need them.
build/install-tools.sh || status=1

# Generated files must match their sources: the imported upstream types, the CRD YAML of our kinds and
# the API reference (build/import-crds.sh regenerates them).
build/import-crds.sh --check || status=1

# Every CRD in the generator's catalog must match src/Crds (build/regen-crds.sh regenerates them).
build/regen-crds.sh --check || status=1

# deploy/ and the Helm chart: the generated parts (CRD copies, RBAC generated from the operator's code) are up to
# date, the chart lints and renders, and with default values it renders exactly the objects of deploy/.
build/gen-deploy.sh --check || status=1
build/check-chart.sh || status=1

# The Dockerfile is not built here (no container runtime); tests/Keel.Operator.Tests/Install/DockerfileTests.cs, run by
# build/test.sh, holds it to deploy/30-deployment.yaml, and ConfigurationDocTests/SecurityDocTests hold the user guide to
# the run command's flags and the shipped roles.

build/test.sh || status=1
exit $status
