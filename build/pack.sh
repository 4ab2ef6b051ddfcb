#!/usr/bin/env bash
# Packs Keel's NuGet packages into artifacts/packages (nuget.config's source `local`, mapped to Keel.*):
#   Keel.Model        the model, templating, render and the preset SDK, with the generator and the presets analyzer
#                     inside (analyzers/dotnet/cs); depends on Keel.Annotations
#   Keel.Annotations  the generator's attributes
#   Keel.Cli          the `modelservice` command as a .NET tool
# One fixed version (KeelPackageVersion in Directory.Build.props), Release, deterministic: ContinuousIntegrationBuild
# for the assemblies, and every zip entry stamped with the last commit's time, so packing one commit twice gives
# byte-identical packages.
# SourceLink: the PDBs (Keel.Model's and Keel.Annotations' .snupkg, the tool's own) map their sources to the commit on
# RepositoryUrl, also in a clone without a git remote (build/packaging/SourceLink.targets).
# Prints the version on the last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

out="$root/artifacts/packages"
mkdir -p "$out"
rm -f "$out"/Keel.*.nupkg "$out"/Keel.*.snupkg

# The last commit's time (1980-01-01, the zip epoch, outside a git checkout).
timestamp=$(git log -1 --format=%ct 2>/dev/null || echo 315532800)
version=$(dotnet msbuild src/Model/Keel.Model/Keel.Model.csproj -getProperty:PackageVersion -nologo)
for project in src/Generators/Keel.Annotations src/Model/Keel.Model src/Operator/Keel.Cli; do
  dotnet pack "$project" -c Release -o "$out" -nologo -v q -p:ContinuousIntegrationBuild=true -p:DeterministicTimestamp="$timestamp" \
    -p:CustomAfterMicrosoftCommonTargets="$root/build/packaging/SourceLink.targets"
done

# A consumer restores Keel.* of this fixed version from the global packages folder once it is there: drop stale copies
# so the next restore takes these packages.
packages=$(dotnet nuget locals global-packages --list --force-english-output | sed -n 's/^global-packages: //p')
for id in keel.model keel.annotations keel.cli; do
  rm -rf "${packages:?}/$id/$version"
done

ls -1 "$out"
echo "$version"
