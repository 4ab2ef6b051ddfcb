#!/usr/bin/env bash
# Runs the README's "Write a preset in C#" quick start as written (in a scratch directory instead of
# /tmp/my-presets), then checks the build-time diagnostic the README promises for a misspelled variable.
# A README that drifts from the packages fails CI here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

awk '/^## Write a preset in C#/ { section = 1 } section && /^```sh/ { block = 1; next } block && /^```/ { exit } block { print }' README.md \
  | sed "s|/tmp/my-presets|$scratch/my-presets|g" > "$scratch/quickstart.sh"
grep -q 'dotnet run' "$scratch/quickstart.sh" || { echo "README quick start: no shell block found under '## Write a preset in C#'" >&2; exit 1; }

if ! bash -e "$scratch/quickstart.sh" > "$scratch/quickstart.log" 2>&1; then
  cat "$scratch/quickstart.log" >&2
  echo "README quick start: a command failed" >&2
  exit 1
fi

project="$scratch/my-presets"
grep -q '^kind: BaseConfig' "$project/preset.yaml" || { echo "README quick start: preset.yaml is not a BaseConfig" >&2; exit 1; }
grep -q 'kind: Deployment' "$scratch/quickstart.log" || { echo "README quick start: modelservice render printed no Deployment" >&2; exit 1; }

# The misspelling the README shows must fail the build with the diagnostic it quotes.
sed -i 's|"{{ .ModelName }}"|"{{ .HFModelNmae }}"|' "$project/Program.cs"
if (cd "$project" && dotnet build -v q > "$scratch/misspelled.log" 2>&1); then
  echo "README quick start: a misspelled template variable built without error" >&2
  exit 1
fi
grep -q "error KEEL102: Unknown template variable '.HFModelNmae'; did you mean 'HFModelName'?" "$scratch/misspelled.log" || {
  cat "$scratch/misspelled.log" >&2
  echo "README quick start: the build failed, but not with the KEEL102 message the README quotes" >&2
  exit 1
}
echo "README quick start: ran as written; the misspelled variable fails the build with KEEL102"
