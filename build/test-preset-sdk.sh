#!/usr/bin/env bash
# Packs the SDK (build/pack.sh) and builds and tests samples/preset-sdk against those packages only: the sample is a
# separate solution that gets Keel from the local feed, so a broken package fails here. Its TRX goes to
# artifacts/test-results, where build/test.sh counts it in the closing "N passed, N failed" line.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

results="$root/artifacts/test-results"
mkdir -p "$results"

if ! version=$(build/pack.sh | tail -n 1); then
  echo "preset-sdk sample: packing the SDK failed" >&2
  exit 1
fi

if ! dotnet test samples/preset-sdk/PresetSdk.slnx -c Release -p:KeelVersion="$version" \
  --results-directory "$results" --logger "trx;LogFileName=PresetSdk.Sample.trx"; then
  echo "preset-sdk sample: building or testing samples/preset-sdk against Keel $version failed" >&2
  exit 1
fi
