#!/usr/bin/env bash
# Regenerates src/Crds/*.yaml from the custom resource types in Keel.Model (through the generator's
# CRD catalog and build/Keel.CrdWriter; the same bytes build/import-crds.sh writes for our kinds).
#   build/regen-crds.sh          rewrite the checked-in CRDs
#   build/regen-crds.sh --check  exit 1 with a diff when a checked-in CRD would change (CI runs this)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

mode=${1:-write}
target="$root/src/Crds"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build build/Keel.CrdWriter/Keel.CrdWriter.csproj -c Release -v q -nologo >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }

if [ "$mode" != "--check" ]; then
  dotnet build/Keel.CrdWriter/bin/Release/net10.0/Keel.CrdWriter.dll "$target"
  exit 0
fi

# Check: render into a copy of src/Crds; any difference (changed, new or stale generated file) fails.
mkdir -p "$out/crds"
if [ -d "$target" ]; then cp -R "$target/." "$out/crds/"; fi
dotnet build/Keel.CrdWriter/bin/Release/net10.0/Keel.CrdWriter.dll "$out/crds" >/dev/null
if [ -d "$target" ]; then
  diff -ruN "$target" "$out/crds" >"$out/diff.txt" || true
else
  for f in "$out"/crds/*.yaml; do [ -e "$f" ] && diff -uN /dev/null "$f" >>"$out/diff.txt"; done
  touch "$out/diff.txt"
fi
if [ ! -s "$out/diff.txt" ]; then
  echo "CRDs are up to date."
  exit 0
fi
echo "src/Crds is out of date with the annotated types; run build/regen-crds.sh and commit the result:" >&2
cat "$out/diff.txt" >&2
exit 1
