# shellcheck shell=bash
# ./build.sh serve: the API on http://127.0.0.1:3000 over DynamoDB Local, until Ctrl-C.

usage_serve() {
  cat <<'USAGE'
Usage: ./build.sh serve [--port N] [--persist DIR] [--dynamodb-endpoint URL] [--arch A] [--framework F]

AOT-builds the five functions for this machine, starts DynamoDB Local (in memory unless --persist),
creates the table from functions/table.json and serves the API through the local Lambda emulator
(Runtime API + HTTP API front), with the contract at /openapi.yaml and its reference, rendered
offline by Redocly, at /docs. Ctrl-C stops every child process.

  --port N                 HTTP port (default 3000)
  --persist DIR            keep DynamoDB Local's data in DIR
  --dynamodb-endpoint URL  use this DynamoDB instead of starting DynamoDB Local
  --arch A                 x64 or arm64 (default: this machine's); arm64 on an x64 machine is
                           cross-compiled and each bootstrap runs under qemu-aarch64
  --framework F            target framework (default net10.0; falls back loudly where its AOT packs do not restore)
USAGE
}

cmd_serve() {
  local table="campaigns" port=3000 persist="" endpoint="" arch
  arch="$(host_arch)"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) need_value "$@"; port="$2"; shift 2 ;;
      --persist) need_value "$@"; persist="$2"; shift 2 ;;
      --dynamodb-endpoint) need_value "$@"; endpoint="$2"; shift 2 ;;
      --arch) need_value "$@"; arch="$2"; shift 2 ;;
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      *) usage_serve >&2; die "unknown option for serve: $1" ;;
    esac
  done
  [[ "$arch" == arm64 || "$arch" == x64 ]] || die "--arch must be arm64 or x64"
  start_api "$table" "$port" "$persist" "$endpoint" "$arch"
  log "ready in $(elapsed_since "$STARTED") s: $(IFS=,; echo "${PHASES[*]}" | sed 's/,/, /g')"
  cat >&2 <<BANNER

  Campaigns API: http://127.0.0.1:$port   (OpenAPI: http://127.0.0.1:$port/openapi.yaml)
  API reference: http://127.0.0.1:$port/docs
  DynamoDB:      $DYNAMODB_ENDPOINT (table $table)

  Try:
    curl -s http://127.0.0.1:$port/v1.0/campaigns
    curl -s -X POST http://127.0.0.1:$port/v1.0/campaigns \\
      -H 'Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJsb2NhbC1hZG1pbiIsInNjb3BlIjoiY2FtcGFpZ25zL3dyaXRlIn0.x' \\
      -H 'Content-Type: application/json' \\
      -d '{"code":"summer-25","description":"Summer sale","discountPercentage":12.5,"productId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","termsConditionsLink":"https://example.com/terms","fromDate":"2025-06-01","toDate":"2099-08-31"}'
    curl -si http://127.0.0.1:$port/v1.0/campaigns/summer-25

  Writes need a Bearer JWT with a sub and the scope $LOCAL_WRITE_SCOPE (above: {"sub":"local-admin",
  "scope":"$LOCAL_WRITE_SCOPE"}); locally its payload is decoded, NOT verified. Ctrl-C stops everything.

BANNER
  wait "$EMULATOR_PID"
}
