#!/usr/bin/env bash
# Rolls a function back by moving its `live` alias (what the HTTP API invokes) to an earlier
# published version, with all of its traffic (a canary's routing is dropped). Nothing is rebuilt
# or redeployed, so it takes effect in seconds.
#
# The next `terraform apply` of that environment moves the alias forward again to the version it
# publishes: follow a rollback with a fix or a revert on main, promoted as usual.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'USAGE'
Usage: terraform/scripts/rollback.sh <env> <function>|--all|--from FILE [--to VERSION] [--region REGION] [--dry-run]

  <env>          dev, sit or prod
  <function>     a key of functions/functions.json (e.g. get_campaign), or --all for every function
  --from FILE    every function back to the version recorded in FILE by live-versions.sh (those
                 recorded as null did not exist before and are left alone)
  --to VERSION   the version to point live at (default: the highest published version below the
                 current one; during a canary, the version live points to, without the new one).
                 Not with --all: version numbers differ between functions.
  --region R     override the environment's region (read from terraform/environments/<env>.tfvars)
  --dry-run      print the AWS CLI calls instead of running them

Each version's description names the commit it was built from:
  aws lambda list-versions-by-function --function-name campaigns-<env>-<function> \
    --query 'Versions[].[Version,Description]' --output table
USAGE
}

ENVIRONMENT=""
TARGETS=()
ALL=false
TO=""
FROM=""
REGION=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --all) ALL=true; shift ;;
    --to) TO="${2:?--to needs a version}"; shift 2 ;;
    --from) FROM="${2:?--from needs a file}"; shift 2 ;;
    --region) REGION="${2:?--region needs a value}"; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *)
      if [[ -z "$ENVIRONMENT" ]]; then ENVIRONMENT="$1"; else TARGETS+=("$1"); fi
      shift ;;
  esac
done

require jq
$DRY_RUN || require aws
[[ -n "$ENVIRONMENT" ]] || { usage >&2; exit 2; }
check_environment "$ENVIRONMENT"
REGION="${REGION:-$(environment_region "$ENVIRONMENT")}"
[[ -n "$REGION" ]] || die "no region found for $ENVIRONMENT"

declare -A RECORDED=()
if [[ -n "$FROM" ]]; then
  if [[ ${#TARGETS[@]} -gt 0 || -n "$TO" ]] || $ALL; then
    die "--from names every function and its version: no function names, --all or --to with it"
  fi
  jq -e 'type == "object" and all(.[]; . == null or (type == "string" and test("^[0-9]+$")))' "$FROM" >/dev/null 2>&1 \
    || die "$FROM is not a record of live-versions.sh ({\"<function>\": \"<version>\" or null})"
  while IFS=$'\t' read -r key version; do
    TARGETS+=("$key")
    RECORDED[$key]="$version"
  done < <(jq -r 'to_entries[] | select(.value != null) | [.key, .value] | @tsv' "$FROM")
  [[ ${#TARGETS[@]} -gt 0 ]] || { note "$FROM records no existing function: nothing to roll back"; exit 0; }
fi
if $ALL; then
  [[ ${#TARGETS[@]} -eq 0 ]] || die "give either function names or --all"
  [[ -z "$TO" ]] || die "--to applies to one function: version numbers differ between functions"
  mapfile -t TARGETS < <(function_keys)
fi
[[ ${#TARGETS[@]} -gt 0 ]] || { usage >&2; exit 2; }
[[ -z "$TO" || "$TO" =~ ^[0-9]+$ ]] || die "--to must be a version number"
for key in "${TARGETS[@]}"; do
  jq -e --arg k "$key" 'has($k)' "$FUNCTIONS_JSON" >/dev/null || die "unknown function '$key' (see functions/functions.json)"
done

AWS=(aws --region "$REGION")

rollback_one() {
  local key="$1" name alias current routing target versions description
  name="$(function_name "$ENVIRONMENT" "$key")"
  alias="$(capture '{"FunctionVersion":"<current>"}' "${AWS[@]}" lambda get-alias --function-name "$name" --name live --output json)"
  current="$(jq -r .FunctionVersion <<<"$alias")"
  # During a canary: "(10% on 8)" after the version live points to.
  routing="$(jq -r '.RoutingConfig.AdditionalVersionWeights // {} | to_entries | map(" (\(.value * 100 | round)% on \(.key))") | join("")' <<<"$alias")"
  if [[ -n "${RECORDED[$key]:-}" ]]; then
    target="${RECORDED[$key]}"
  elif [[ -n "$TO" ]]; then
    target="$TO"
  elif [[ -n "$routing" ]]; then
    # A canary is rolled back by dropping its new version: live keeps the version it points to.
    target="$current"
  elif $DRY_RUN; then
    capture "" "${AWS[@]}" lambda list-versions-by-function --function-name "$name" --query 'Versions[].Version' --output text >/dev/null
    target="<highest version below current>"
  else
    versions="$("${AWS[@]}" lambda list-versions-by-function --function-name "$name" --query 'Versions[].Version' --output text)"
    target="$(tr '\t' '\n' <<<"$versions" | awk -v current="$current" '$1 ~ /^[0-9]+$/ && $1 + 0 < current + 0 { if ($1 + 0 > best) best = $1 + 0 } END { if (best) print best }')"
    [[ -n "$target" ]] || die "$name: no published version below $current to roll back to"
  fi
  if ! $DRY_RUN && [[ "$target" == "$current" && -z "$routing" ]]; then
    note "$name: live is already version $current"
    return
  fi
  description="$(capture "<description of the target version>" "${AWS[@]}" lambda get-function-configuration --function-name "$name" --qualifier "$target" --query Description --output text)"
  # Also drops a canary's routing: afterwards live sends all of its traffic to the target.
  run "${AWS[@]}" lambda update-alias --function-name "$name" --name live --function-version "$target" --routing-config "$NO_ROUTING" --query '[Name,FunctionVersion]' --output text >/dev/null
  printf '%s: live %s%s -> %s (%s)%s\n' "$name" "$current" "$routing" "$target" "$description" "$($DRY_RUN && echo ' [dry run]')"
}

for key in "${TARGETS[@]}"; do
  rollback_one "$key"
done
