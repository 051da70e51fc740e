# shellcheck shell=bash
# ./build.sh bench: the cold-start and warm benchmark of the real binaries over DynamoDB Local.

usage_bench() {
  cat <<'USAGE'
Usage: ./build.sh bench [--cold N] [--warm N] [--functions a,b] [--variants aot,jit,node,floor,bound]
                        [--out DIR] [--tls off|minimal|bundle] [--arch A] [--framework F]

Cold-start and warm benchmark of the real binaries (aot, jit, node, floor and bound side by side) over
DynamoDB Local; writes docs/bench/results/<timestamp>.md (and the raw <timestamp>.json, which git
ignores) and refreshes docs/performance.md.

  --cold N (20), --warm N (200), --functions a,b, --variants aot,jit,floor,bound, --out DIR (docs/bench)
  --arch A: only this machine's own architecture; the bench refuses emulation
  --tls off|bundle|minimal (off): bundle and minimal put a local TLS terminator in front of DynamoDB
      Local, the functions trusting the system CA bundle plus a bench CA, or the bench CA alone

node is the five functions in Node.js with the AWS SDK v3 (tools/Campaigns.Bench.Node), bundled by
esbuild; it joins the default variants when Node.js 20 or later is on PATH, and is skipped with a
note otherwise.
USAGE
}

# node_major: the major version of the Node.js on PATH, 0 when there is none.
node_major() { command -v node >/dev/null && node -p 'process.versions.node.split(".")[0]' || echo 0; }

cmd_bench() {
  local variants="" node_dir node_args=() arch framework name jit_dir floor_dir bound_dir bench_args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      --arch)
        need_value "$@"
        # Under qemu every instruction is emulated: cold and warm figures would measure the emulator.
        [[ "$2" == "$(host_arch)" ]] || die "the bench measures only this machine's own architecture ($(host_arch)): timing under emulation means nothing; run it on an $2 machine (package.yml's ubuntu-24.04-arm runner)"
        shift 2 ;;
      --variants) need_value "$@"; variants="$2"; bench_args+=("$1" "$2"); shift 2 ;;
      --cold|--warm|--functions|--out|--tls) need_value "$@"; bench_args+=("$1" "$2"); shift 2 ;;
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
  if [[ -z "$variants" || ",$variants," == *,node,* ]]; then
    if (( $(node_major) >= 20 )); then
      node_dir="$WORK/publish/node"
      log "bundling the node variant (esbuild; run by Node.js $(node --version))"
      ensure_bench_node
      rm -rf "$node_dir"
      node tools/Campaigns.Bench.Node/build.mjs "$node_dir" || die "bundling the node variant failed"
      node_args=(--node-dir "$node_dir")
    elif [[ -n "$variants" ]]; then
      die "--variants names node, which needs Node.js 20 or later on PATH (found: $(node --version 2>/dev/null || echo none))"
    else
      warn "the node variant is skipped: it needs Node.js 20 or later on PATH (found: $(node --version 2>/dev/null || echo none))"
    fi
  fi
  log "building the bench"
  dotnet build tools/Campaigns.Bench -c Release -o "$WORK/bench" -nologo -v:quiet -clp:NoSummary >&2 || die "bench build failed"
  stop_children_on_exit
  start_dynamodb_local
  dotnet "$WORK/bench/Campaigns.Bench.dll" --aot-dir "$(functions_dir "$framework" "$arch")" --jit-dir "$jit_dir" \
    --floor-dir "$floor_dir" --bound-dir "$bound_dir" "${node_args[@]}" --dynamodb-endpoint "$DYNAMODB_ENDPOINT" --aot-framework "$framework" "${bench_args[@]}"
}
