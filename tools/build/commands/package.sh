# shellcheck shell=bash
# ./build.sh package: compile (AL2023 container or this machine) -> check every bootstrap ->
# reproducible zips -> artifacts/<arch>/manifest.json. The checks, zips and manifest run on this
# machine whichever way the binaries were compiled, so both paths package identically.

usage_package() {
  cat <<'USAGE'
Usage: ./build.sh package [--arch arm64|x64] [--docker|--no-docker] [--framework F]

AOT-publishes the five functions, checks every bootstrap (ELF machine, GLIBC <= 2.34, no libicu,
stripped), zips each reproducibly into artifacts/<arch>/<name>.zip and writes
artifacts/<arch>/manifest.json; symbol files go to artifacts/<arch>/symbols/.

  --arch A      arm64 (default, what Lambda runs) or x64
  --docker      compile in the Amazon Linux 2023 container (needs a Docker daemon with buildx;
                arm64 on an x64 machine runs under QEMU emulation, slowly)
  --no-docker   compile on this machine (its glibc must need nothing newer than 2.34); arm64 on
                an x64 machine is cross-compiled with Debian's cross toolchain
                Default: the container when a Docker daemon answers, else this machine.
  --framework F target framework (default net10.0; never substituted)
USAGE
}

# Prints where package compiles: "container", "host" or "cross" (this machine, for another
# architecture), from --docker / --no-docker, or by default the container when a Docker daemon answers.
package_builder() {
  local mode="$1" arch="$2"
  if [[ "$mode" == docker ]] || { [[ "$mode" == auto ]] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }; then
    echo container
  elif [[ "$arch" == "$(host_arch)" ]]; then
    echo host
  else
    echo cross
  fi
}

cmd_package() {
  local arch=arm64 docker_mode=auto framework builder name out artifacts missing
  local bootstraps=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --arch) need_value "$@"; arch="$2"; shift 2 ;;
      --docker) docker_mode=docker; shift ;;
      --no-docker) docker_mode=no-docker; shift ;;
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      *) usage_package >&2; die "unknown option for package: $1" ;;
    esac
  done
  [[ "$arch" == arm64 || "$arch" == x64 ]] || die "--arch must be arm64 or x64"
  framework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}"
  artifacts="artifacts/$arch"
  out="$WORK/package/$arch"
  builder="$(package_builder "$docker_mode" "$arch")"
  if [[ "$builder" == container ]]; then
    [[ "$docker_mode" == docker ]] || log "a Docker daemon is reachable: compiling in the AL2023 container (--no-docker compiles here)"
    # Fails with one clear line when there is no daemon, no buildx or no emulation for $arch; warns
    # when the daemon's architecture differs from $arch (the compiler then runs under QEMU, slowly).
    tools/package/docker-build.sh "$arch" "$framework" "$out" || exit 1
  else
    missing="$(cross_toolchain_missing "$arch")"
    [[ -z "$missing" ]] || die "cannot compile linux-$arch on this $(host_arch) machine without Docker: it needs $missing (or use --docker, an $arch machine, or CI's package.yml)"
    [[ "$docker_mode" == no-docker ]] || warn "no Docker daemon: compiling on this machine ($builder); its glibc decides what the binaries need (checked below)"
    framework="$(resolve_aot_framework "$framework" "$arch" "$(fallback_allowed)")"
    rm -rf "$out"
    for name in $(function_names); do
      log "AOT publish $name ($framework, linux-$arch)"
      publish_function "$name" "$framework" "$arch" "$out/$name"
    done
  fi

  for name in $(function_names); do
    bootstraps+=("$out/$name/bootstrap")
  done
  log "checking ${#bootstraps[@]} binaries: ELF machine $arch, GLIBC <= 2.34, no libicu, stripped"
  python3 tools/package/check_binary.py --arch "$arch" "${bootstraps[@]}" >&2 \
    || die "post-build checks failed: see the FAIL lines above"

  command -v 7zz >/dev/null || command -v 7z >/dev/null \
    || warn "7-Zip (7zz or 7z) is not on PATH: zipping with zlib's deflate, larger than 7-Zip's (apt-get install 7zip)"
  # A fresh folder: no zip of a removed function may ride along (manifest.py refuses one anyway).
  rm -rf "$artifacts"
  mkdir -p "$artifacts/symbols"
  for name in $(function_names); do
    python3 tools/package/zip_reproducible.py "$artifacts/$name.zip" "$out/$name/bootstrap" >/dev/null \
      || die "zipping $name failed"
    # Not deployed: resolves the bootstrap!<BaseAddress>+0x... frames of this build's logs.
    cp "$out/$name/bootstrap.dbg" "$artifacts/symbols/$name.dbg" || die "no symbol file for $name"
  done
  python3 tools/package/manifest.py --arch "$arch" --framework "$framework" --builder "$builder" \
    --dir "$artifacts" >&2 || die "writing $artifacts/manifest.json failed"
  jq -r '.functions[] | [.name, .size, .sha256, .file] | @tsv' "$artifacts/manifest.json" |
    while IFS=$'\t' read -r name size sha file; do
      printf '%-16s %9d bytes  sha256 %s  %s\n' "$name" "$size" "$sha" "$artifacts/$file"
    done
}
