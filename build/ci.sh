#!/usr/bin/env bash
# What CI runs (and what a maintainer runs to reproduce CI locally).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

status=0

# Generated files must match their sources, each checked once:
# the imported upstream types and the API reference (build/import-crds.sh regenerates them),
build/import-crds.sh --check || status=1

# and the CRD YAML of our kinds, from the generator's catalog (build/regen-crds.sh regenerates it).
build/regen-crds.sh --check || status=1

build/test.sh || status=1
exit $status
