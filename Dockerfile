# syntax=docker/dockerfile:1
# The ModelService operator's image. From the repository root:
#   docker build -t <registry>/modelservice-operator:<tag> .
#   docker buildx build --platform linux/amd64,linux/arm64 -t <registry>/modelservice-operator:<tag> --push .
# CI does not build it (no container runtime there); tests/Keel.Operator.Tests/Install/DockerfileTests.cs checks that it
# agrees with deploy/30-deployment.yaml. docs/user-guide/install.md, "Building the image".

# Build on the build machine's platform and publish for the target architecture (no emulation needed). Framework-
# dependent: the .NET and ASP.NET Core runtimes (Kestrel serves /metrics, /healthz, /readyz) come from the base image.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TARGETARCH
WORKDIR /source
# global.json asks for SDK 10.0.400 or a later feature band; the sdk:10.0 image carries a current one.
COPY global.json nuget.config .editorconfig Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# nuget.config names artifacts/packages as a feed (for the SDK's own packages); the operator needs none from it.
RUN mkdir -p artifacts/packages \
 && dotnet publish src/Operator/Keel.Cli/Keel.Cli.csproj -c Release -a "$TARGETARCH" --self-contained false \
      -p:ContinuousIntegrationBuild=true -o /app

# Run on the chiselled ASP.NET Core image: no shell, no package manager, only what .NET needs. The globalization-
# invariant build (Directory.Build.props) needs no ICU. The files stay owned by root, so the operator cannot change them.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
# The chiselled images' non-root user `app`, numerically so that the kubelet can verify runAsNonRoot.
USER 1654:1654
# metrics (--metrics-bind-address) and health probes (--health-probe-bind-address).
EXPOSE 8080 8081
ENTRYPOINT ["/app/modelservice"]
# The arguments deploy/30-deployment.yaml passes (its args replace these; it sets no command, so the entrypoint stays).
CMD ["run", "--leader-elect=true", "--leader-election-id=modelservice-operator", "--metrics-bind-address=:8080", "--health-probe-bind-address=:8081", "--pool-api=v1", "--epp-cluster-role=modelservice-epp", "--max-concurrent-reconciles=4", "--log-level=info", "--log-format=json"]
