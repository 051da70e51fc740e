#!/usr/bin/env bash
# Prints, as one JSON object, the version each function's `live` alias points to in an
# environment: {"get_campaign": "12", ...}, null for a function or alias that does not exist yet
# (a first deploy). apply.yml records it before every apply, so that a failed smoke check can put
# every alias back with `rollback.sh <env> --from <file>`.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'USAGE'
Usage: terraform/scripts/live-versions.sh <env> [--region REGION]

  <env>        dev, sit or prod
  --region R   override the environment's region (read from terraform/environments/<env>.tfvars)
USAGE
}

ENVIRONMENT=""
REGION=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --region) REGION="${2:?--region needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [[ -z "$ENVIRONMENT" ]] || { usage >&2; exit 2; }; ENVIRONMENT="$1"; shift ;;
  esac
done

require jq aws
[[ -n "$ENVIRONMENT" ]] || { usage >&2; exit 2; }
check_environment "$ENVIRONMENT"
REGION="${REGION:-$(environment_region "$ENVIRONMENT")}"

versions='{}'
for key in $(function_keys); do
  name="$(function_name "$ENVIRONMENT" "$key")"
  if output="$(aws --region "$REGION" lambda get-alias --function-name "$name" --name live --query FunctionVersion --output text 2>&1)"; then
    versions="$(jq --arg k "$key" --arg v "$output" '. + {($k): $v}' <<<"$versions")"
  elif [[ "$output" == *ResourceNotFoundException* ]]; then
    versions="$(jq --arg k "$key" '. + {($k): null}' <<<"$versions")"
  else
    die "$name: $output"
  fi
done
jq . <<<"$versions"
