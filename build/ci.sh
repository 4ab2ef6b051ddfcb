#!/usr/bin/env bash
# What CI runs (and what a maintainer runs to reproduce CI locally).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

status=0

# Generated files must match their sources: the imported upstream types, the CRD YAML of our kinds and
# the API reference (build/import-crds.sh regenerates them).
build/import-crds.sh --check || status=1

# Every CRD in the generator's catalog must match src/Crds (build/regen-crds.sh regenerates them).
build/regen-crds.sh --check || status=1

build/test.sh || status=1
exit $status
