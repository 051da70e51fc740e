#!/usr/bin/env bash
# Measures cold starts of every function in one environment, through the real API:
#
#   1. for each of --runs rounds, every function gets a configuration change (an environment
#      variable), a new published version and the `live` alias moved onto it: the next request
#      needs a new execution environment, i.e. a cold start;
#   2. each function's route is called once through the HTTP API;
#   3. after the last round the script waits for the platform.report records to reach
#      CloudWatch Logs and runs terraform/queries/cold_starts_by_function.logsinsights (the query
#      Terraform saves too) over the run's time window, printing one row per function.
#
# On exit, also after a failure or Ctrl-C, every function is put back as Terraform left it: the
# alias on its original version, the original environment variables, and the versions this run
# published deleted, so the next plan shows no drift.
#
# Published versions are immutable, so changing only $LATEST would not reach the alias the API
# calls; hence a version per round.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

QUERY_FILE="$REPO_ROOT/terraform/queries/cold_starts_by_function.logsinsights"
PROBE_CODE="COLDSTART-PROBE"

usage() {
  cat <<'USAGE'
Usage: terraform/scripts/coldstart.sh --env dev|sit|prod [--runs N] [options]

  --env E          environment to measure (prod only with --allow-prod)
  --runs N         cold starts per function (default 20, at most 100)
  --api-url URL    API base URL (default: terraform output api_endpoint of the environment)
  --token JWT      bearer token for the write routes; without it the write functions are invoked
                   directly (aws lambda invoke --qualifier live) since the API would answer 401
                   without running them
  --region R       override the environment's region (from terraform/environments/<env>.tfvars)
  --log-wait S     seconds to wait for the logs before querying (default 60)
  --allow-prod     allow --env prod: every round moves live PROD traffic onto a fresh version
  --dry-run        print the AWS CLI and curl calls instead of running them (no credentials needed)

Requests are harmless: GET reads, POST and PUT send an empty object (400 validation error) and
DELETE targets a code that does not exist (404); nothing is written to the table.
USAGE
}

ENVIRONMENT=""
RUNS=20
API_URL=""
TOKEN="${CAMPAIGNS_TOKEN:-}"
REGION=""
LOG_WAIT=60
ALLOW_PROD=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) ENVIRONMENT="${2:?--env needs a value}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --api-url) API_URL="${2:?--api-url needs a URL}"; shift 2 ;;
    --token) TOKEN="${2:?--token needs a JWT}"; shift 2 ;;
    --region) REGION="${2:?--region needs a value}"; shift 2 ;;
    --log-wait) LOG_WAIT="${2:?--log-wait needs seconds}"; shift 2 ;;
    --allow-prod) ALLOW_PROD=true; shift ;;
    --dry-run) DRY_RUN=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument $1" ;;
  esac
done

require jq
$DRY_RUN || require aws curl
[[ -n "$ENVIRONMENT" ]] || { usage >&2; exit 2; }
check_environment "$ENVIRONMENT"
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 && "$RUNS" -le 100 ]] || die "--runs must be between 1 and 100"
[[ "$LOG_WAIT" =~ ^[0-9]+$ ]] || die "--log-wait must be a number of seconds"
[[ "$ENVIRONMENT" != prod ]] || $ALLOW_PROD || die "refusing to force cold starts in prod without --allow-prod"
[[ -f "$QUERY_FILE" ]] || die "missing $QUERY_FILE"

# Names, region and URL: from the environment's Terraform outputs when available, else from the
# same naming rule and tfvars file that Terraform uses.
OUTPUTS="{}"
if [[ -z "$API_URL" ]] && ! $DRY_RUN && command -v terraform >/dev/null; then
  OUTPUTS="$(terraform -chdir="$ENVIRONMENTS_DIR/$ENVIRONMENT" output -json 2>/dev/null || echo '{}')"
  API_URL="$(jq -r '.api_endpoint.value // empty' <<<"$OUTPUTS")"
fi
REGION="${REGION:-$(jq -r '.region.value // empty' <<<"$OUTPUTS")}"
REGION="${REGION:-$(environment_region "$ENVIRONMENT")}"
if [[ -z "$API_URL" ]]; then
  $DRY_RUN || die "no API URL: pass --api-url, or run from a machine where 'terraform output' works for $ENVIRONMENT"
  API_URL="https://<api-id>.execute-api.$REGION.amazonaws.com"
fi
API_URL="${API_URL%/}"
AWS=(aws --region "$REGION")

mapfile -t KEYS < <(function_keys)
declare -A NAME METHOD PATH_OF ORIGINAL_VERSION ORIGINAL_ENV CREATED
for key in "${KEYS[@]}"; do
  NAME[$key]="$(jq -r --arg k "$key" '.function_names.value[$k] // empty' <<<"$OUTPUTS")"
  NAME[$key]="${NAME[$key]:-$(function_name "$ENVIRONMENT" "$key")}"
  METHOD[$key]="$(jq -r --arg k "$key" '.[$k].method' "$FUNCTIONS_JSON")"
  PATH_OF[$key]="$(jq -r --arg k "$key" '.[$k].path' "$FUNCTIONS_JSON")"
done
WORK="$(mktemp -d)"
START_TIME="$(($(date +%s) - 60))"

restore() {
  local status=$? key version
  trap - EXIT INT TERM
  note "restoring: live aliases, environment variables, removing this run's versions"
  for key in "${KEYS[@]}"; do
    [[ -n "${ORIGINAL_VERSION[$key]:-}" ]] || continue
    run "${AWS[@]}" lambda update-alias --function-name "${NAME[$key]}" --name live --function-version "${ORIGINAL_VERSION[$key]}" --output text --query FunctionVersion >/dev/null || status=1
    run "${AWS[@]}" lambda update-function-configuration --function-name "${NAME[$key]}" --environment "${ORIGINAL_ENV[$key]}" --output text --query LastUpdateStatus >/dev/null || status=1
  done
  for key in "${KEYS[@]}"; do
    [[ -n "${ORIGINAL_VERSION[$key]:-}" ]] || continue
    run "${AWS[@]}" lambda wait function-updated --function-name "${NAME[$key]}" || status=1
    for version in ${CREATED[$key]:-}; do
      run "${AWS[@]}" lambda delete-function --function-name "${NAME[$key]}" --qualifier "$version" || status=1
    done
  done
  rm -rf "$WORK"
  exit "$status"
}
trap restore EXIT
trap 'exit 130' INT TERM

note "cold starts in $ENVIRONMENT ($REGION): ${#KEYS[@]} functions x $RUNS runs, API $API_URL$($DRY_RUN && echo ', dry run')"
for key in "${KEYS[@]}"; do
  ORIGINAL_VERSION[$key]="$(capture "<live version of $key>" "${AWS[@]}" lambda get-alias --function-name "${NAME[$key]}" --name live --query FunctionVersion --output text)"
  variables="$(capture '{"TABLE_NAME":"<table>"}' "${AWS[@]}" lambda get-function-configuration --function-name "${NAME[$key]}" --query Environment.Variables --output json)"
  ORIGINAL_ENV[$key]="$(jq -c '{Variables: (. // {})}' <<<"$variables")"
done

# A request that reaches the function without changing data (see usage).
call_route() {
  local key="$1" method="${METHOD[$1]}" path="${PATH_OF[$1]//\{code\}/$PROBE_CODE}" args status event
  if [[ "$method" != GET && -z "$TOKEN" ]]; then
    event="$WORK/$key-event.json"
    jq -n --arg m "$method" --arg p "$path" --arg rk "$method ${PATH_OF[$1]}" --arg code "$PROBE_CODE" '{
      version: "2.0", routeKey: $rk, rawPath: $p, rawQueryString: "", headers: {"content-type": "application/json"},
      pathParameters: (if ($rk | contains("{code}")) then {code: $code} else null end),
      requestContext: {http: {method: $m, path: $p, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "coldstart.sh"},
        requestId: "coldstart", routeKey: $rk, stage: "$default", timeEpoch: (now * 1000 | floor)},
      body: "{}", isBase64Encoded: false}' >"$event"
    run "${AWS[@]}" lambda invoke --function-name "${NAME[$key]}" --qualifier live --payload "fileb://$event" \
      --query StatusCode --output text "$WORK/$key-response.json" || echo "invoke-failed"
    return
  fi
  args=(-sS -o /dev/null -w '%{http_code}' --max-time 20 -X "$method")
  [[ "$method" == GET ]] || args+=(-H 'content-type: application/json' --data '{}')
  if $DRY_RUN; then
    [[ "$method" == GET ]] || args+=(-H 'authorization: Bearer ***')
    run curl "${args[@]}" "$API_URL$path"
    return
  fi
  [[ "$method" == GET ]] || args+=(-H "authorization: Bearer $TOKEN")
  status="$(curl "${args[@]}" "$API_URL$path" || true)"
  printf '%s\n' "$status"
}

[[ -n "$TOKEN" ]] || note "no --token: the write functions are invoked directly with 'aws lambda invoke --qualifier live'"
for ((round = 1; round <= RUNS; round++)); do
  marker="run-$(date +%s)-$round"
  # All configuration changes first, then the waits: the five updates proceed in parallel.
  for key in "${KEYS[@]}"; do
    environment="$(jq -c --arg v "$marker" '.Variables.COLDSTART_RUN = $v' <<<"${ORIGINAL_ENV[$key]}")"
    run "${AWS[@]}" lambda update-function-configuration --function-name "${NAME[$key]}" --environment "$environment" --output text --query LastUpdateStatus >/dev/null
  done
  for key in "${KEYS[@]}"; do
    run "${AWS[@]}" lambda wait function-updated --function-name "${NAME[$key]}"
    version="$(capture "<new-version>" "${AWS[@]}" lambda publish-version --function-name "${NAME[$key]}" --description "coldstart.sh $marker" --query Version --output text)"
    CREATED[$key]="${CREATED[$key]:-} $version"
    run "${AWS[@]}" lambda wait published-version-active --function-name "${NAME[$key]}" --qualifier "$version"
    run "${AWS[@]}" lambda update-alias --function-name "${NAME[$key]}" --name live --function-version "$version" --output text --query FunctionVersion >/dev/null
  done
  # Give the alias a moment to route new requests to the new version.
  run sleep 2
  line="run $round/$RUNS:"
  for key in "${KEYS[@]}"; do
    line+=" $key=$(call_route "$key" | tail -n 1)"
  done
  $DRY_RUN || note "$line"
  # Only the first round of a dry run is printed: the others are the same calls.
  if $DRY_RUN && ((round == 1 && RUNS > 1)); then
    note "(the other $((RUNS - 1)) rounds repeat the calls above)"
    break
  fi
done

note "waiting ${LOG_WAIT}s for the platform.report records to reach CloudWatch Logs"
run sleep "$LOG_WAIT"
END_TIME="$(($(date +%s) + 60))"

LOG_GROUPS=()
for key in "${KEYS[@]}"; do LOG_GROUPS+=("/aws/lambda/${NAME[$key]}"); done
# file:// makes the CLI read the shared query file itself: one copy of the query text.
QUERY_ID="$(capture "<query id>" "${AWS[@]}" logs start-query --log-group-names "${LOG_GROUPS[@]}" \
  --start-time "$START_TIME" --end-time "$END_TIME" --query-string "file://$QUERY_FILE" --query queryId --output text)"

if $DRY_RUN; then
  run "${AWS[@]}" logs get-query-results --query-id "$QUERY_ID"
  note "(get-query-results is polled until its status is Complete, then printed as a table per function)"
  exit 0
fi

RESULTS="$WORK/results.json"
for _ in $(seq 1 90); do
  "${AWS[@]}" logs get-query-results --query-id "$QUERY_ID" --output json >"$RESULTS"
  status="$(jq -r .status "$RESULTS")"
  case "$status" in
    Complete) break ;;
    Failed|Cancelled|Timeout) die "the Logs Insights query ended with status $status" ;;
  esac
  sleep 2
done
[[ "$(jq -r .status "$RESULTS")" == Complete ]] || die "the Logs Insights query did not complete in time"

printf '\nCold starts in %s, %s runs per function (times in ms, memory in MB)\n\n' "$ENVIRONMENT" "$RUNS"
jq -r '
  ["function", "coldStarts", "initP50", "initP90", "initP99", "initPlusDurationP50", "initPlusDurationP90", "initPlusDurationP99", "peakMemoryMB"] as $columns
  | ($columns | @tsv),
    (.results[] | map({(.field): .value}) | add | [$columns[] as $c | (.[$c] // "-")] | @tsv)
' "$RESULTS" | awk -F'\t' '
  { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > width[i]) width[i] = length($i) } rows = NR; cols = NF }
  END { for (r = 1; r <= rows; r++) { for (i = 1; i <= cols; i++) printf "%-*s  ", width[i], cell[r, i]; printf "\n" } }'
jq -r --argjson runs "$RUNS" '.results[] | map({(.field): .value}) | add
  | select((.coldStarts | tonumber) < $runs)
  | "note: \(.function) had \(.coldStarts) cold starts for \($runs) runs (logs still arriving? rerun the query from the console later)"' "$RESULTS" >&2
