#!/usr/bin/env bash
# What CI runs (and what a maintainer runs to reproduce CI locally).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Generated CRDs must match the annotated types (fails with a diff otherwise).
build/regen-crds.sh --check || exit 1

build/test.sh
