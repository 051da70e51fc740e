#!/usr/bin/env bash
# Finishes PROD's canary after the apply. Terraform left each function that published a new
# version with live on its previous version, sending canary_weight of the traffic to the new one
# (routing_config). This watches the new versions' own alarms (5xx answers and failed invocations
# of that version, in 1-minute periods: the stack's output canary_alarm_names) for the canary's
# duration. When one is in ALARM, cannot be read or
# does not exist, every live alias goes back to the version recorded before the apply, with all of
# its traffic (rollback.sh --from), and the script fails naming it. Otherwise each canaried alias
# moves to its new version with all of the traffic. Functions Terraform moved at once (a first
# deploy, nothing new published, DEV, SIT or a skipped canary) are left as they are.
# INT or TERM (a cancelled job, a timeout) rolls back at once: every wait runs in the background,
# so that bash can run the trap without waiting for it to end.
# Run by apply.yml; the result also goes to $GITHUB_STEP_SUMMARY when it is set.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'USAGE'
Usage: terraform/scripts/canary.sh <env> --before FILE --outputs FILE [--minutes M] [--poll S] [--region REGION]

  <env>           dev, sit or prod (only PROD deploys through a canary; elsewhere nothing is watched)
  --before FILE   the live versions recorded before the apply (live-versions.sh)
  --outputs FILE  `terraform output -json` after the apply (function_versions, canary_alarm_names)
  --minutes M     how long to watch the alarms, 1 to 30 (default: $CANARY_MINUTES, else 5)
  --poll S        seconds between two looks at the alarms (default: $CANARY_POLL_SECONDS, else 10)
  --region R      override the environment's region (read from terraform/environments/<env>.tfvars)

CANARY_SLEEP is the command that waits between two looks (default: sleep).
USAGE
}

ENVIRONMENT=""
BEFORE=""
OUTPUTS=""
MINUTES="${CANARY_MINUTES:-5}"
POLL="${CANARY_POLL_SECONDS:-10}"
REGION=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --before) BEFORE="${2:?--before needs a file}"; shift 2 ;;
    --outputs) OUTPUTS="${2:?--outputs needs a file}"; shift 2 ;;
    --minutes) MINUTES="${2:?--minutes needs a number}"; shift 2 ;;
    --poll) POLL="${2:?--poll needs a number of seconds}"; shift 2 ;;
    --region) REGION="${2:?--region needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [[ -z "$ENVIRONMENT" ]] || { usage >&2; exit 2; }; ENVIRONMENT="$1"; shift ;;
  esac
done
[[ -n "$ENVIRONMENT" && -n "$BEFORE" && -n "$OUTPUTS" ]] || { usage >&2; exit 2; }
check_environment "$ENVIRONMENT"
# The apply job's timeout (45 minutes) must hold the whole canary.
[[ "$MINUTES" =~ ^[0-9]+$ ]] && ((MINUTES >= 1 && MINUTES <= 30)) || die "--minutes is a whole number from 1 to 30"
[[ "$POLL" =~ ^[0-9]+$ ]] && ((POLL >= 1)) || die "--poll is a whole number of seconds"
require jq aws
jq -e 'type == "object" and all(.[]; . == null or (type == "string" and test("^[0-9]+$")))' "$BEFORE" >/dev/null 2>&1 \
  || die "$BEFORE is not a record of live-versions.sh ({\"<function>\": \"<version>\" or null})"
jq -e '(.function_versions.value | type) == "object" and (.canary_alarm_names.value | type) == "object"' "$OUTPUTS" >/dev/null 2>&1 \
  || die "$OUTPUTS is not terraform output -json of the stack (function_versions, canary_alarm_names)"
REGION="${REGION:-$(environment_region "$ENVIRONMENT")}"
AWS=(aws --region "$REGION")
read -r -a SLEEP <<<"${CANARY_SLEEP:-sleep}"
TOTAL=$((MINUTES * 60))

clock() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

# The wait running in the background, if any (see wait_for).
SLEEPER=""

# drop_canaries: the canaried aliases lose their new version's routing, all at once: each keeps the
# version it points to, the recorded one. The first thing a failed canary does, so that it is done
# before a cancelled job is killed.
drop_canaries() {
  local key pids=()
  for key in "${CANARIED[@]}"; do
    "${AWS[@]}" lambda update-alias --function-name "$(function_name "$ENVIRONMENT" "$key")" --name live --function-version "${FROM[$key]}" \
      --routing-config "$NO_ROUTING" --query '[Name,FunctionVersion]' --output text >/dev/null &
    pids+=($!)
  done
  for key in "${pids[@]}"; do wait "$key" || true; done
}

# fail REASON: every live alias back to its recorded version, and exit 1 naming the reason.
fail() {
  # A second signal (GitHub sends INT, then TERM) must not interrupt the rollback itself.
  trap '' INT TERM
  if [[ -n "$SLEEPER" ]]; then kill "$SLEEPER" 2>/dev/null || true; fi
  note "canary of ${ENVIRONMENT^^} failed: $1"
  note "every live alias goes back to the version recorded before the apply"
  local rolled_back="rolled back"
  drop_canaries
  # Then every recorded alias, checked one by one: also those moved by something else than the canary.
  "$(dirname "${BASH_SOURCE[0]}")/rollback.sh" "$ENVIRONMENT" --region "$REGION" --from "$BEFORE" >&2 || rolled_back="ROLLBACK FAILED: run rollback.sh $ENVIRONMENT --from <record> by hand"
  {
    echo "### Canary of ${ENVIRONMENT^^}: FAILED, $rolled_back"
    echo
    echo "$1"
    echo
    echo "Every live alias was moved back to the version recorded before the apply, with all of its traffic."
  } | summary
  die "canary failed: $1 ($rolled_back)"
}

# Which functions are in a canary: live still on the recorded version, the new one weighted.
CANARIED=()
declare -A NEW=() FROM=()
for key in $(function_keys); do
  name="$(function_name "$ENVIRONMENT" "$key")"
  new="$(jq -r --arg k "$key" '.function_versions.value[$k] // empty' "$OUTPUTS")"
  [[ -n "$new" ]] || die "$OUTPUTS has no function_versions entry for $key"
  alias="$("${AWS[@]}" lambda get-alias --function-name "$name" --name live --output json)" || fail "$name: cannot read its live alias"
  current="$(jq -r .FunctionVersion <<<"$alias")"
  weight="$(jq -r --arg v "$new" '.RoutingConfig.AdditionalVersionWeights[$v] // empty' <<<"$alias")"
  recorded="$(jq -r --arg k "$key" '.[$k] // empty' "$BEFORE")"
  if [[ -n "$weight" && "$current" == "$recorded" ]]; then
    CANARIED+=("$key")
    NEW[$key]="$new"
    FROM[$key]="$current"
    note "$name: canary, $(jq -n "$weight * 100 | round")% on version $new, the rest on $current"
  elif [[ -z "$weight" && "$current" == "$new" && "$(jq -r '.RoutingConfig.AdditionalVersionWeights // {} | length' <<<"$alias")" == 0 ]]; then
    note "$name: live on version $new with all of the traffic (no canary)"
  else
    fail "$name: live is on $current with routing $(jq -c '.RoutingConfig // {}' <<<"$alias"), neither a canary of $new from ${recorded:-nothing} nor $new alone"
  fi
done

if [[ ${#CANARIED[@]} -eq 0 ]]; then
  note "no function in a canary: nothing to watch"
  echo "### Canary of ${ENVIRONMENT^^}: none (every live alias already on its new version)" | summary
  exit 0
fi

ALARMS=()
for key in "${CANARIED[@]}"; do
  mapfile -t names < <(jq -r --arg k "$key" '.canary_alarm_names.value[$k] // [] | .[]' "$OUTPUTS")
  [[ ${#names[@]} -gt 0 ]] || fail "$OUTPUTS names no alarm for $key: its canary would go unwatched"
  ALARMS+=("${names[@]}")
done

# The CLI's stderr of each look, apart: a CLI warning mixed into the JSON would make every jq below
# fail without a rollback. Removed however the script ends.
ERRORS="$(mktemp)"
trap 'rm -f "$ERRORS"' EXIT

# look: one look at the alarms; fails the canary on an alarm in ALARM, missing or unreadable.
look() {
  local elapsed="$1" answer firing missing states
  answer="$("${AWS[@]}" cloudwatch describe-alarms --alarm-names "${ALARMS[@]}" --output json 2>"$ERRORS")" \
    || fail "the alarms could not be read at $(clock "$elapsed"): $(cat "$ERRORS")"
  jq -e '.MetricAlarms | type == "array"' >/dev/null 2>&1 <<<"$answer" \
    || fail "the alarms could not be read at $(clock "$elapsed"): not a describe-alarms answer: ${answer:0:300}"
  firing="$(jq -r '[.MetricAlarms[] | select(.StateValue == "ALARM") | "\(.AlarmName) is in ALARM (\(.StateReason))"] | join("; ")' <<<"$answer")"
  [[ -z "$firing" ]] || fail "$firing, at $(clock "$elapsed") of $(clock "$TOTAL")"
  missing="$(jq -r --args '[.MetricAlarms[].AlarmName] as $found | [$ARGS.positional[] | select(. as $n | $found | index($n) | not)] | join(", ")' "${ALARMS[@]}" <<<"$answer")"
  [[ -z "$missing" ]] || fail "no such alarm: $missing, so the canary cannot watch it"
  states="$(jq -r '[.MetricAlarms | group_by(.StateValue)[] | "\(length) \(.[0].StateValue)"] | join(", ")' <<<"$answer")"
  note "canary $(clock "$elapsed") of $(clock "$TOTAL"): ${#ALARMS[@]} alarms, $states"
}

# wait_for SECONDS: waits in the background. bash runs a trap only between commands, so a
# foreground sleep would hold an INT or TERM until it ended; `wait` returns at once on a signal.
wait_for() {
  "${SLEEP[@]}" "$1" &
  SLEEPER=$!
  wait "$SLEEPER" || true
  SLEEPER=""
}

# A cancelled job or a timeout must not leave PROD split between two versions.
trap 'fail "the canary was interrupted (cancelled or timed out)"' INT TERM
note "watching ${#ALARMS[@]} alarms of ${#CANARIED[@]} functions for $(clock "$TOTAL"), every ${POLL}s: ${ALARMS[*]}"
elapsed=0
look "$elapsed"
while ((elapsed < TOTAL)); do
  step=$((TOTAL - elapsed < POLL ? TOTAL - elapsed : POLL))
  wait_for "$step"
  elapsed=$((elapsed + step))
  look "$elapsed"
done

note "no alarm fired: live moves to the new versions with all of the traffic"
rows=()
for key in "${CANARIED[@]}"; do
  name="$(function_name "$ENVIRONMENT" "$key")"
  "${AWS[@]}" lambda update-alias --function-name "$name" --name live --function-version "${NEW[$key]}" --routing-config "$NO_ROUTING" \
    --query '[Name,FunctionVersion]' --output text >/dev/null || fail "$name: live could not be moved to ${NEW[$key]}"
  note "$name: live ${FROM[$key]} -> ${NEW[$key]}"
  rows+=("| $name | ${FROM[$key]} | ${NEW[$key]} |")
done
{
  echo "### Canary of ${ENVIRONMENT^^}: passed"
  echo
  echo "None of the ${#ALARMS[@]} alarms fired in $(clock "$TOTAL") (${ALARMS[*]}); live now sends all of the traffic to the new versions."
  echo
  echo "| function | before | now |"
  echo "|---|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | summary
