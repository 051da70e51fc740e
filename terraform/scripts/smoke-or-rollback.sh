#!/usr/bin/env bash
# After an apply: the smoke check against the environment's API. When it fails, every function's
# live alias goes back to the version recorded before the apply (live-versions.sh), the smoke check
# runs again against the rolled-back versions, and the script fails with both results. Run by
# apply.yml; the results also go to $GITHUB_STEP_SUMMARY when it is set.
#
# A token for the write lifecycle comes from the identity provider's client-credentials flow when
# SMOKE_TOKEN_URL, SMOKE_CLIENT_ID and SMOKE_CLIENT_SECRET are set; otherwise the check runs
# read-only and says so.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'USAGE'
Usage: terraform/scripts/smoke-or-rollback.sh <env> --url BASE --before FILE

  <env>          dev, sit or prod
  --url BASE     the API's base URL (terraform output api_endpoint)
  --before FILE  the live versions recorded before the apply (live-versions.sh)
USAGE
}

ENVIRONMENT=""
URL=""
BEFORE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) URL="${2:?--url needs a value}"; shift 2 ;;
    --before) BEFORE="${2:?--before needs a file}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [[ -z "$ENVIRONMENT" ]] || { usage >&2; exit 2; }; ENVIRONMENT="$1"; shift ;;
  esac
done
[[ -n "$ENVIRONMENT" && -n "$URL" && -n "$BEFORE" ]] || { usage >&2; exit 2; }
check_environment "$ENVIRONMENT"
[[ -f "$BEFORE" ]] || die "no record of the live versions at $BEFORE"
require jq

# The smoke command; a test may put a stand-in here.
read -r -a SMOKE <<<"${CAMPAIGNS_SMOKE:-$REPO_ROOT/build.sh smoke}"
mode=(--read-only)
mode_text="read-only: no client credentials configured (SMOKE_TOKEN_URL, SMOKE_CLIENT_ID, SMOKE_CLIENT_SECRET)"
if [[ -n "${SMOKE_TOKEN_URL:-}" && -n "${SMOKE_CLIENT_ID:-}" && -n "${SMOKE_CLIENT_SECRET:-}" ]]; then
  # smoke-token.sh reads the secret from its environment and hands it to curl on standard input:
  # it is on no command line.
  mode=(--token-command "\"$REPO_ROOT/terraform/scripts/smoke-token.sh\"")
  mode_text="with a client-credentials token: reads and the write lifecycle"
fi


# smoke OUT.json: runs the smoke check, keeps its JSON, prints its lines, returns its status.
smoke() {
  local status=0
  "${SMOKE[@]}" --url "$URL" "${mode[@]}" --json >"$1" || status=$?
  jq -r '.checks[] | "\(if .ok then "PASS" else "FAIL" end)  \(.status // "-")  \(.latencyMs // "-") ms  \(.name)\(if .reason then ": " + .reason else "" end)"' "$1" 2>/dev/null >&2 || cat "$1" >&2
  return $status
}

table() {
  echo "| check | status | ms | result |"
  echo "|---|---:|---:|---|"
  jq -r '.checks[] | "| \(.name) | \(.status // "-") | \(.latencyMs // "-") | \(if .ok then "pass" else "**FAIL**: " + (.reason // "") end) |"' "$1" 2>/dev/null || echo "| (no result) | | | |"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
note "smoke check of $ENVIRONMENT at $URL, $mode_text"
if smoke "$work/after-apply.json"; then
  { echo "### Smoke check of ${ENVIRONMENT^^}: passed"; echo; echo "$mode_text"; echo; table "$work/after-apply.json"; } | summary
  exit 0
fi

note "the smoke check failed: every live alias goes back to the version it had before the apply"
"$(dirname "${BASH_SOURCE[0]}")/rollback.sh" "$ENVIRONMENT" --from "$BEFORE"
again="failed"
smoke "$work/after-rollback.json" && again="passed"
{
  echo "### Smoke check of ${ENVIRONMENT^^}: FAILED, rolled back"
  echo
  echo "$mode_text. Every live alias was moved back to the version recorded before the apply; the smoke check of the rolled-back versions $again."
  echo
  echo "#### After the apply"
  table "$work/after-apply.json"
  echo
  echo "#### After the rollback"
  table "$work/after-rollback.json"
} | summary
exit 1
