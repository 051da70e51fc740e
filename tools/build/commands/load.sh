# shellcheck shell=bash
# ./build.sh load: mixed read/write load through the local API, then a no-lost-writes check.

usage_load() {
  cat <<'USAGE'
Usage: ./build.sh load [--seconds N] [--rate N] [--port N] [--framework F]

Serves the API locally (as ./build.sh serve does), drives a mixed read/write load
(autocannon) at a fixed rate, then checks that every acknowledged create is in the table and
nothing else is. Writes docs/load/<timestamp>.md and docs/load/latest.md.

  --seconds N   how long (default 60)
  --rate N      requests per second (default 200)
  --port N      HTTP port of the local API (default 3000)
USAGE
}

cmd_load() {
  local table="campaigns-load" seconds=60 rate=200 port=3000 report
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --seconds) need_value "$@"; seconds="$2"; shift 2 ;;
      --rate) need_value "$@"; rate="$2"; shift 2 ;;
      --port) need_value "$@"; port="$2"; shift 2 ;;
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      *) usage_load >&2; die "unknown option for load: $1" ;;
    esac
  done
  ensure_node_tools
  start_api "$table" "$port"
  mkdir -p docs/load
  report="docs/load/$(date -u +%Y%m%dT%H%M%SZ).md"
  log "load: ${seconds}s at ${rate} req/s"
  node tools/build/load.mjs "http://127.0.0.1:$port" "$DYNAMODB_ENDPOINT" "$table" "$seconds" "$rate" "$report" \
    || die "load run failed its checks (see $report)"
  cp "$report" docs/load/latest.md
  log "report: $report (and docs/load/latest.md)"
}
