#!/usr/bin/env bash
# AOT-publishes every function in functions/functions.json inside the Amazon Linux 2023 build
# container (.github/docker/build.Dockerfile) and leaves OUTDIR/<name>/bootstrap.
#
# Usage: tools/package/docker-build.sh <arm64|x64> <framework> <outdir>
#
# Only the compile happens in the container: the checks, zips and manifest run on the host
# (build.sh package), so one code path packages host and container builds alike.
#
# Environment:
#   CAMPAIGNS_BUILD_IMAGE  base image to use instead of the Dockerfile's BASE_IMAGE_ARM64 or
#                          BASE_IMAGE_X64 (the pinned build images).
#
# Exit status 1 with a one-line reason when Docker cannot do the build (no client, no daemon, no
# buildx, no emulation for a foreign architecture) or the build fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DOCKERFILE="$ROOT/.github/docker/build.Dockerfile"

die() { printf '\033[1;31merror:\033[0m docker-build: %s\n' "$*" >&2; exit 1; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }
log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

[[ $# -eq 3 ]] || die "usage: $0 <arm64|x64> <framework> <outdir>"
arch="$1" framework="$2" outdir="$3"
case "$arch" in
  arm64) platform=linux/arm64 image_arg=BASE_IMAGE_ARM64 ;;
  x64) platform=linux/amd64 image_arg=BASE_IMAGE_X64 ;;
  *) die "architecture must be arm64 or x64, not '$arch'" ;;
esac
[[ "$framework" =~ ^net[0-9]+\.[0-9]+$ ]] || die "framework must look like net10.0, not '$framework'"
[[ -n "$outdir" ]] || die "outdir is empty"
# The one place the build images are named (and pinned): the Dockerfile's ARG lines.
base_image="${CAMPAIGNS_BUILD_IMAGE:-$(sed -nE "s/^ARG $image_arg=([^[:space:]]+)\$/\1/p" "$DOCKERFILE" | head -n 1)}"
[[ -n "$base_image" ]] || die "$DOCKERFILE has no ARG $image_arg=<image>"

command -v docker >/dev/null 2>&1 || die "the docker client is not installed; install Docker or build on the host with --no-docker"
# `docker info` is the one call that needs the daemon: it fails fast when none is reachable.
if ! daemon_arch="$(docker info --format '{{.Architecture}}' 2>&1)"; then
  reason="$(grep -m1 -iE 'cannot connect|error|permission' <<<"$daemon_arch" || true)"
  die "no Docker daemon is reachable (docker info: ${reason:-failed}). Start Docker, or build on the host with --no-docker"
fi
docker buildx version >/dev/null 2>&1 \
  || die "docker buildx (BuildKit) is missing: the build needs its cache mounts and --output; install the docker-buildx plugin"

case "$daemon_arch" in
  x86_64|amd64) daemon_arch=x64 ;;
  aarch64|arm64) daemon_arch=arm64 ;;
esac
if [[ "$daemon_arch" != "$arch" ]]; then
  # A foreign architecture runs the whole .NET SDK and the AOT compiler under QEMU user-mode
  # emulation: it works where binfmt handlers are registered, but is many times slower than native.
  warn "building linux-$arch on a $daemon_arch Docker host: the compiler runs under QEMU EMULATION, expect a slow build"
  warn "(CI builds arm64 natively on ubuntu-24.04-arm; this is for local checks)"
  if ! docker buildx inspect --bootstrap 2>/dev/null | grep -E '^Platforms:' | grep -q "$platform"; then
    die "the buildx builder cannot run $platform: register QEMU first, e.g. docker run --privileged --rm tonistiigi/binfmt --install ${platform#linux/}"
  fi
fi

command -v jq >/dev/null 2>&1 || die "jq is needed to read functions/functions.json"
functions="$(jq -r 'to_entries[] | "\(.key)=\(.value.project)"' "$ROOT/functions/functions.json" | tr '\n' ' ')"
[[ -n "${functions// /}" ]] || die "functions/functions.json lists no functions"

rm -rf "$outdir"
mkdir -p "$outdir"
log "container build: $base_image ($platform), $framework"
# --no-cache-filter publish: the toolchain stage is cached, the publish always runs, so a package is
# always a fresh compile of the checked-out sources (restores stay fast through the NuGet cache mount).
docker buildx build \
  --file "$DOCKERFILE" \
  --platform "$platform" \
  --build-arg "BASE_IMAGE=$base_image" \
  --build-arg "FRAMEWORK=$framework" \
  --build-arg "FUNCTIONS=$functions" \
  --build-arg "CI=${CI:-}" \
  --no-cache-filter publish \
  --target export \
  --output "type=local,dest=$outdir" \
  "$ROOT" \
  || die "the container build failed (see the BuildKit log above)"

for pair in $functions; do
  name="${pair%%=*}"
  [[ -x "$outdir/$name/bootstrap" ]] || die "the container build left no executable $outdir/$name/bootstrap"
done
log "container build done: $outdir/<name>/bootstrap"
