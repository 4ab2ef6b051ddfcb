#!/usr/bin/env bash
# Regenerates what is generated from the CRD schemas (the imported upstream C# types under
# src/Model/Keel.Model/Upstream and the API reference docs/user-guide/api-reference.md).
# With --check, writes nothing and exits non-zero when a checked-in file differs (CI runs this).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

check=()
if [ "${1:-}" = "--check" ]; then
  check=(--check)
fi

dotnet build build/Keel.CrdImport/Keel.CrdImport.csproj -c Release -v q -nologo >/dev/null
tool=(dotnet build/Keel.CrdImport/bin/Release/net10.0/Keel.CrdImport.dll)

status=0
"${tool[@]}" import --manifest src/Crds/upstream/imports.yaml --root "$root" "${check[@]}" || status=1
exit $status
