#!/usr/bin/env bash
# Checks the Helm chart (charts/modelservice-operator) with Helm 4 from .tools/bin (build/install-tools.sh):
#   1. helm lint --strict, with the default values and with every values file under the chart's ci/ folder;
#   2. helm template with the same values (every template renders);
#   3. the rendering with default values equals the plain manifests of deploy/, object by object
#      (build/Keel.DeployCheck: compared as data; Helm's bookkeeping labels and the Namespace aside).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

helm="$root/.tools/bin/helm"
chart=charts/modelservice-operator
release=modelservice-operator
namespace=modelservice-system
if [ ! -x "$helm" ]; then
  echo "check-chart: $helm is missing; run build/install-tools.sh" >&2
  exit 1
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$helm" lint --strict "$chart" --namespace "$namespace"
"$helm" template "$release" "$chart" --namespace "$namespace" --include-crds >"$out/default.yaml"
for values in "$chart"/ci/*-values.yaml; do
  [ -e "$values" ] || continue
  "$helm" lint --strict "$chart" --namespace "$namespace" --values "$values"
  "$helm" template "$release" "$chart" --namespace "$namespace" --include-crds --values "$values" >"$out/$(basename "$values")"
  echo "check-chart: $(basename "$values") renders $(grep -c '^kind:' "$out/$(basename "$values")") objects"
done

dotnet build build/Keel.DeployCheck/Keel.DeployCheck.csproj -c Release -v q -nologo >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
dotnet build/Keel.DeployCheck/bin/Release/net10.0/Keel.DeployCheck.dll deploy "$out/default.yaml"
