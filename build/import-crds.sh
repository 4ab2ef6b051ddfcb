#!/usr/bin/env bash
# Regenerates what is generated from schemas, in dependency order:
#   1. the imported upstream C# types (src/Model/Keel.Model/Upstream) from src/Crds/upstream;
#   2. the CRD YAML of our kinds (src/Crds/*.llm-d.ai.yaml): build/regen-crds.sh, which owns those files;
#   3. the API reference (docs/user-guide/api-reference.md) from that CRD YAML.
# With --check, writes nothing and exits non-zero with a diff when a checked-in import or the API reference differs
# (CI runs this). The CRD YAML itself is checked by build/regen-crds.sh --check, which CI runs separately.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

check=()
if [ "${1:-}" = "--check" ]; then
  check=(--check)
fi

if ! log=$(dotnet build build/Keel.CrdImport/Keel.CrdImport.csproj -c Release -v q -nologo 2>&1); then
  echo "$log" >&2
  echo "import-crds.sh: building build/Keel.CrdImport failed" >&2
  exit 2
fi
tool=(dotnet build/Keel.CrdImport/bin/Release/net10.0/Keel.CrdImport.dll)
ours=(modelservices.llm-d.ai baseconfigs.llm-d.ai)

status=0
"${tool[@]}" import --manifest src/Crds/upstream/imports.yaml --root "$root" "${check[@]}" || status=1

# The model compiles the imported code, and our CRDs come from the model: refresh them before documenting them.
# In check mode the reference is compared against the checked-in CRDs (whose drift regen-crds.sh --check reports).
if [ ${#check[@]} -eq 0 ]; then
  build/regen-crds.sh
fi

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
