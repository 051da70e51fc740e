# shellcheck shell=bash
# ./build.sh bench: the cold-start and warm benchmark of the real binaries over DynamoDB Local.

usage_bench() {
  cat <<'USAGE'
Usage: ./build.sh bench [--cold N] [--warm N] [--functions a,b] [--variants aot,jit,node,floor,bound]
                        [--out DIR] [--tls off|minimal|bundle] [--arch A] [--framework F]
                        [--zips DIR | --arm64-zips DIR]
       ./build.sh bench --list-scale [--ended 0,1000,10000] [--live 50] [--limit 25] [--min-pages N]
       ./build.sh bench --record-requests

Cold-start and warm benchmark of the real binaries (aot, jit, node, floor and bound side by side) over
DynamoDB Local; writes docs/bench/results/<timestamp>.md (and the raw <timestamp>.json, which git
ignores) and refreshes docs/performance.md.

  --cold N (20), --warm N (200), --functions a,b, --variants aot,jit,floor,bound
  --out DIR (docs/bench): the reports go to DIR/results/; DIR/../performance.md is refreshed only
      where it exists (docs/bench → docs/performance.md), so a run elsewhere leaves the docs alone
  --zips DIR: aot is the bootstraps unzipped from the zips ./build.sh package wrote in DIR (this
      machine's architecture, e.g. the container-built artifacts/arm64 on an arm64 machine) instead
      of a publish for this run; floor and bound are built for the zips' framework; the budget's zip
      line reads those zips
  --arm64-zips DIR: the budget's zip line reads the arm64 zips in DIR (default: artifacts/arm64 when
      it exists and this machine is not arm64; without any, the line shows this machine's zip and
      stays undecided)
  --arch A: only this machine's own architecture; the bench refuses emulation
  --tls off|bundle|minimal (off): bundle and minimal put a local TLS terminator in front of DynamoDB
      Local, the functions trusting the system CA bundle plus a bench CA, or the bench CA alone

--list-scale: the list's scale curve instead: for each number of ended (still ACTIVE) campaigns
beside the live ones, pages the list to its end through the list function's store over DynamoDB
Local, metering each Query (ReturnConsumedCapacity); writes docs/bench/list-scale.svg and refreshes
its section of docs/performance.md. --min-pages (200): pages timed per history size.

--record-requests: rewrites tools/Campaigns.Bench.Bound/requests/<function>.json, the DynamoDB request
each function's store sends for the bench's request (recorded at a loopback endpoint), which the bound
and node variants replay; Campaigns.Bench.Tests fails while those files differ from what the store sends.

node is the five functions in Node.js with the AWS SDK v3 (tools/Campaigns.Bench.Node), bundled by
esbuild; it joins the default variants when Node.js 20 or later is on PATH, and is skipped with a
note otherwise.
USAGE
}

# zips_manifest DIR FIELD: one field of the manifest.json that ./build.sh package writes beside its zips
# (need_zips DIR first: a die inside $(...) would only end the subshell).
zips_manifest() { jq -r --arg f "$2" '.[$f]' "$1/manifest.json"; }
need_zips() { [[ -f "$1/manifest.json" ]] || die "no $1/manifest.json: pass a folder that ./build.sh package wrote (artifacts/<arch>)"; }

# bench_record_requests: the fixture test in its writing mode (the recorder needs the store, the AWS SDK and
# a loopback server, all of which the test project has and the bench's tools need not).
bench_record_requests() {
  [[ $# -eq 0 ]] || die "--record-requests takes no other option"
  log "recording each function's DynamoDB request from the store into tools/Campaigns.Bench.Bound/requests/"
  CAMPAIGNS_RECORD_REQUESTS=1 dotnet test tests/Campaigns.Bench.Tests --filter "FullyQualifiedName~RequestFixturesTests.Fixture_" \
    || die "recording the requests failed"
  git --no-pager diff --stat -- tools/Campaigns.Bench.Bound/requests
}

# node_major: the major version of the Node.js on PATH, 0 when there is none.
node_major() { command -v node >/dev/null && node -p 'process.versions.node.split(".")[0]' || echo 0; }

cmd_bench() {
  local variants="" node_dir node_args=() arch framework name aot_dir jit_dir floor_dir bound_dir zips="" arm64_zips="" bench_args=() zip_args=()
  if [[ "${1:-}" == --list-scale ]]; then
    bench_list_scale "${@:2}"
    return
  fi
  if [[ "${1:-}" == --record-requests ]]; then
    bench_record_requests "${@:2}"
    return
  fi
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
      --zips) need_value "$@"; zips="$2"; shift 2 ;;
      --arm64-zips) need_value "$@"; arm64_zips="$2"; shift 2 ;;
      *) usage_bench >&2; die "unknown option for bench: $1" ;;
    esac
  done
  arch="$(host_arch)"
  mkdir -p "$WORK"
  if [[ -n "$zips" ]]; then
    [[ -z "$arm64_zips" ]] || die "--zips and --arm64-zips exclude each other: with --zips the zip line reads those zips"
    need_zips "$zips"
    [[ "$(zips_manifest "$zips" architecture)" == "$arch" ]] || die "the zips in $zips are $(zips_manifest "$zips" architecture): the bench measures only this machine's own architecture ($arch)"
    framework="$(resolve_aot_framework "$(zips_manifest "$zips" framework)" "$arch" no)"
    aot_dir="$WORK/bench-aot-zips"
    log "aot: the bootstraps of the zips in $zips ($(zips_manifest "$zips" builder) build, $framework)"
    unzip_functions "$zips" "$aot_dir"
    zip_args=(--zips "$zips")
  else
    if [[ -z "$arm64_zips" && "$arch" != arm64 && -f artifacts/arm64/manifest.json ]]; then
      arm64_zips=artifacts/arm64
      log "the budget's zip line reads artifacts/arm64 ($(zips_manifest "$arm64_zips" builder) build of $(zips_manifest "$arm64_zips" commit))"
    fi
    if [[ -n "$arm64_zips" ]]; then
      need_zips "$arm64_zips"
      [[ "$(zips_manifest "$arm64_zips" architecture)" == arm64 ]] || die "--arm64-zips $arm64_zips: its manifest says $(zips_manifest "$arm64_zips" architecture)"
      zip_args=(--arm64-zips "$arm64_zips")
    fi
    framework="$(host_aot_framework)"
    publish_all "$framework" "$arch"
    aot_dir="$(functions_dir "$framework" "$arch")"
  fi
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
  # DynamoDB Local is part of the run: its threads are not load from elsewhere (a given endpoint has no pid here).
  local own_pid=()
  [[ -z "${DYNAMODB_PID:-}" ]] || own_pid=(--own-pid "$DYNAMODB_PID")
  dotnet "$WORK/bench/Campaigns.Bench.dll" --aot-dir "$aot_dir" --jit-dir "$jit_dir" \
    --floor-dir "$floor_dir" --bound-dir "$bound_dir" "${node_args[@]}" --dynamodb-endpoint "$DYNAMODB_ENDPOINT" --aot-framework "$framework" \
    "${own_pid[@]}" "${zip_args[@]}" "${bench_args[@]}"
}

# bench_list_scale [--ended N,N] [--live N] [--limit N] [--min-pages N]: the list's cost per page by history.
bench_list_scale() {
  local args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --ended|--live|--limit|--min-pages) need_value "$@"; args+=("$1" "$2"); shift 2 ;;
      *) usage_bench >&2; die "unknown option for bench --list-scale: $1" ;;
    esac
  done
  log "building the bench"
  dotnet build tools/Campaigns.Bench -c Release -o "$WORK/bench" -nologo -v:quiet -clp:NoSummary >&2 || die "bench build failed"
  stop_children_on_exit
  start_dynamodb_local
  dotnet "$WORK/bench/Campaigns.Bench.dll" --list-scale --dynamodb-endpoint "$DYNAMODB_ENDPOINT" --out docs/bench "${args[@]}"
}
