# syntax=docker/dockerfile:1
#
# Native AOT build of the Lambda bootstraps on Amazon Linux 2023, the OS of provided.al2023.
#
# Why a container: an AOT executable links against the glibc of the machine that builds it. Built on
# a newer distro it can require e.g. fmod@GLIBC_2.38 and die at start on Lambda (glibc 2.34). The
# AWS SAM build image for .NET 10 is Amazon Linux 2023 with the .NET SDK, so whatever it links is
# there at run time.
#
# Not run by hand: tools/package/docker-build.sh (called by `./build.sh package --docker`)
# passes the build arguments and exports the `export` stage with BuildKit:
#
#   docker buildx build -f .github/docker/build.Dockerfile --platform linux/arm64 \
#     --build-arg BASE_IMAGE=<BASE_IMAGE_ARM64 below> \
#     --build-arg FRAMEWORK=net10.0 --build-arg FUNCTIONS="get_campaign=functions/GetCampaign/GetCampaign.csproj ..." \
#     --target export --output type=local,dest=OUTDIR .
#
# leaves OUTDIR/<name>/bootstrap. One image per architecture: the SAM images are tagged
# latest-arm64 / latest-x86_64 (the tag SAM itself uses); the wrapper picks the one that matches
# --platform. The build context is filtered by build.Dockerfile.dockerignore beside this file.

# The build image of each architecture; the wrapper passes one of them as BASE_IMAGE (or
# CAMPAIGNS_BUILD_IMAGE). A moving tag means the toolchain can change between two builds of the same
# commit, so each is to be pinned by digest as repository:tag@sha256:<digest> (Docker uses the
# digest), with the tag in the comment above it. tools/package/pin-build-image.sh prints those lines
# from the registry; CI runs it and fails while a line below names a tag alone.
# public.ecr.aws/sam/build-dotnet10:latest-arm64
ARG BASE_IMAGE_ARM64=public.ecr.aws/sam/build-dotnet10:latest-arm64
# public.ecr.aws/sam/build-dotnet10:latest-x86_64
ARG BASE_IMAGE_X64=public.ecr.aws/sam/build-dotnet10:latest-x86_64
# A default for BuildKit's check of FROM; the wrapper always passes the one that fits --platform.
ARG BASE_IMAGE=${BASE_IMAGE_ARM64}

FROM ${BASE_IMAGE} AS toolchain
# Native AOT needs clang (the linker driver), objcopy (StripSymbols) and the zlib headers. The SAM
# image is expected to ship them; installing only what is missing keeps this a no-op when it does.
RUN <<'EOF'
set -eu
missing=""
command -v clang >/dev/null 2>&1 || missing="$missing clang"
command -v objcopy >/dev/null 2>&1 || missing="$missing binutils"
rpm -q zlib-devel >/dev/null 2>&1 || missing="$missing zlib-devel"
if [ -n "$missing" ]; then
  dnf install -y $missing
  dnf clean all
fi
EOF
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_PACKAGES=/nuget/packages

FROM toolchain AS publish
# Set by BuildKit from --platform: amd64 or arm64.
ARG TARGETARCH
ARG FRAMEWORK=net10.0
# "name=project name=project ...", from functions/functions.json (the wrapper builds it with jq, so
# the image needs no jq and the function table stays the one list of functions).
ARG FUNCTIONS
# CI=true, as the workflows set it, restores in locked mode: only what the packages.lock.json files name.
ARG CI=
# Always /src: paths that reach the binary (PDB paths behind the assemblies' MVIDs, the DWARF
# behind .gnu_debuglink's CRC) are then the same on every machine, so two container builds of one
# commit give the same bytes.
WORKDIR /src
COPY . .
# The NuGet cache mount keeps restored packages (the ILCompiler packs are large) between builds on
# the same BuildKit instance without putting them in any image layer. Locked, because builds for
# two architectures may run at once and NuGet's extraction is not safe against a second writer.
RUN --mount=type=cache,id=campaigns-nuget,target=/nuget/packages,sharing=locked <<'EOF'
set -eu
case "$TARGETARCH" in
  amd64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "unsupported TARGETARCH '$TARGETARCH'" >&2; exit 1 ;;
esac
[ -n "${FUNCTIONS:-}" ] || { echo "the FUNCTIONS build argument is empty" >&2; exit 1; }
echo "==> $(uname -m), $(ldd --version | head -n 1), .NET SDK $(dotnet --version), $FRAMEWORK, $rid"
for pair in $FUNCTIONS; do
  name="${pair%%=*}"
  project="${pair#*=}"
  echo "==> AOT publish $name ($project)"
  # Same command as the host build (build.sh publish_function): Release, the function's runtime,
  # CampaignsFramework; Directory.Build.props makes warnings errors and strips symbols.
  # ContinuousIntegrationBuild maps source paths to /_/ where git information is available (the
  # context has no .git, so here the fixed /src does that job); kept for parity with the host.
  dotnet publish "$project" -c Release -r "$rid" -p:CampaignsFramework="$FRAMEWORK" \
    -p:ContinuousIntegrationBuild=true -o "/out/$name" -nologo
  # bootstrap.dbg is kept: packaging archives it to resolve stack frames of this build's logs.
  rm -f "/out/$name"/*.pdb
  [ -x "/out/$name/bootstrap" ] || { echo "AOT publish of $name produced no bootstrap" >&2; exit 1; }
done
EOF

# Only the binaries leave the build: `--output type=local` writes this stage's files to the host,
# owned by the user who ran the build, with their modes (bootstrap stays executable).
FROM scratch AS export
COPY --from=publish /out/ /
