#!/usr/bin/env bash
# Regenerates what is generated from schemas, in dependency order:
#   1. the imported upstream C# types (src/Model/Keel.Model/Upstream) from src/Crds/upstream;
#   2. the CRD YAML of our kinds (src/Crds/*.llm-d.ai.yaml) from the CRDs the generator emits into Keel.Model;
#   3. the API reference (docs/user-guide/api-reference.md) from that CRD YAML.
# With --check, writes nothing and exits non-zero when a checked-in file differs (CI runs this).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

check=()
if [ "${1:-}" = "--check" ]; then
  check=(--check)
fi

build() {
  if ! log=$(dotnet build "$1" -c Release -v q -nologo 2>&1); then
    echo "$log" >&2
    echo "import-crds.sh: building $1 failed" >&2
    exit 2
  fi
}

build build/Keel.CrdImport/Keel.CrdImport.csproj
tool=(dotnet build/Keel.CrdImport/bin/Release/net10.0/Keel.CrdImport.dll)
ours=(modelservices.llm-d.ai baseconfigs.llm-d.ai)

status=0
"${tool[@]}" import --manifest src/Crds/upstream/imports.yaml --root "$root" "${check[@]}" || status=1

# The model compiles the imported code; in check mode a drift above already failed, and the CRDs below are
# checked against the model as it is.
build src/Model/Keel.Model/Keel.Model.csproj
"${tool[@]}" crds --model src/Model/Keel.Model/bin/Release/net10.0/Keel.Model.dll --name "${ours[@]}" \
  --output src/Crds --root "$root" "${check[@]}" || status=1

# Kubernetes and upstream types inside our CRDs are linked, not expanded.
k8s=https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.33
upstream=../../src/Crds/upstream
links=(
  ".metadata|ObjectMeta|$k8s/#objectmeta-v1-meta"
  ".baseConfigMapRef|ObjectReference|$k8s/#objectreference-v1-core"
  ".env|EnvVar|$k8s/#envvar-v1-core"
  ".envFrom|EnvFromSource|$k8s/#envfromsource-v1-core"
  ".resources|ResourceRequirements|$k8s/#resourcerequirements-v1-core"
  ".conditions|Condition|$k8s/#condition-v1-meta"
  ".configMaps|ConfigMap (core/v1), templatable|$k8s/#configmap-v1-core"
  ".prefillDeployment|Deployment (apps/v1), templatable|$k8s/#deployment-v1-apps"
  ".decodeDeployment|Deployment (apps/v1), templatable|$k8s/#deployment-v1-apps"
  ".eppDeployment|Deployment (apps/v1), templatable|$k8s/#deployment-v1-apps"
  ".prefillService|Service (core/v1), templatable|$k8s/#service-v1-core"
  ".decodeService|Service (core/v1), templatable|$k8s/#service-v1-core"
  ".eppService|Service (core/v1), templatable|$k8s/#service-v1-core"
  ".httpRoute|HTTPRoute (gateway.networking.k8s.io/v1), templatable|$upstream/httproutes.gateway.networking.k8s.io.yaml"
  ".inferencePool|InferencePool (inference.networking.k8s.io/v1), templatable|$upstream/inferencepools.inference.networking.k8s.io.yaml"
  ".inferenceObjective|InferenceObjective (llm-d.ai/v1alpha2), templatable|$upstream/inferenceobjectives.llm-d.ai.yaml"
)
"${tool[@]}" api-reference --crd $(printf "src/Crds/%s.yaml " "${ours[@]}") --link "${links[@]}" \
  --output docs/user-guide/api-reference.md --root "$root" "${check[@]}" || status=1
exit $status
