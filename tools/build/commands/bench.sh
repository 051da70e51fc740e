# shellcheck shell=bash
# ./build.sh bench: the cold-start and warm benchmark of the real binaries over DynamoDB Local.

usage_bench() {
  cat <<'USAGE'
Usage: ./build.sh bench [--cold N] [--warm N] [--functions a,b] [--variants aot,jit,floor,bound]
                        [--out DIR] [--tls off|minimal|bundle] [--arch A] [--framework F]

Cold-start and warm benchmark of the real binaries (aot, jit, floor and bound side by side) over
DynamoDB Local; writes docs/bench/results/<timestamp>.md (and the raw <timestamp>.json, which git
ignores) and refreshes docs/performance.md.

  --cold N (20), --warm N (200), --functions a,b, --variants aot,jit,floor,bound, --out DIR (docs/bench)
  --arch A: only this machine's own architecture; the bench refuses emulation
  --tls off|bundle|minimal (off): bundle and minimal put a local TLS terminator in front of DynamoDB
      Local, the functions trusting the system CA bundle plus a bench CA, or the bench CA alone
USAGE
}

cmd_bench() {
  local arch framework name jit_dir floor_dir bound_dir bench_args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      --arch)
        need_value "$@"
        # Under qemu every instruction is emulated: cold and warm figures would measure the emulator.
        [[ "$2" == "$(host_arch)" ]] || die "the bench measures only this machine's own architecture ($(host_arch)): timing under emulation means nothing; run it on an $2 machine (package.yml's ubuntu-24.04-arm runner)"
        shift 2 ;;
      --cold|--warm|--functions|--variants|--out|--tls) need_value "$@"; bench_args+=("$1" "$2"); shift 2 ;;
      *) usage_bench >&2; die "unknown option for bench: $1" ;;
    esac
  done
  arch="$(host_arch)"
  mkdir -p "$WORK"
  framework="$(host_aot_framework)"
  publish_all "$framework" "$arch"
  jit_dir="$WORK/publish/jit-$PRODUCTION_FRAMEWORK"
  for name in $(function_names); do
    log "JIT publish: $name ($PRODUCTION_FRAMEWORK, framework-dependent)"
    rm -rf "${jit_dir:?}/$name"
    dotnet publish "$(function_project "$name")" -c Release -p:CampaignsFramework="$PRODUCTION_FRAMEWORK" \
      -o "$jit_dir/$name" -nologo -v:quiet -clp:NoSummary >&2 || die "JIT publish of $name failed"
  done
  floor_dir="$WORK/publish/floor-$framework-$arch"
  log "AOT publish: floor ($framework)"
  aot_publish tools/Campaigns.Bench.Floor "$framework" "$arch" "$floor_dir"
  bound_dir="$WORK/publish/bound-$framework-$arch"
  log "AOT publish: bound ($framework)"
  aot_publish tools/Campaigns.Bench.Bound "$framework" "$arch" "$bound_dir"
  log "building the bench"
  dotnet build tools/Campaigns.Bench -c Release -o "$WORK/bench" -nologo -v:quiet -clp:NoSummary >&2 || die "bench build failed"
  stop_children_on_exit
  start_dynamodb_local
  dotnet "$WORK/bench/Campaigns.Bench.dll" --aot-dir "$(functions_dir "$framework" "$arch")" --jit-dir "$jit_dir" \
    --floor-dir "$floor_dir" --bound-dir "$bound_dir" --dynamodb-endpoint "$DYNAMODB_ENDPOINT" --aot-framework "$framework" "${bench_args[@]}"
}
