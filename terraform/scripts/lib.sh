# shellcheck shell=bash
# Shared by the scripts of terraform/scripts (sourced, not run).
# Function names, regions and routes come from the same files Terraform reads, so the scripts
# cannot disagree with what was deployed.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FUNCTIONS_JSON="$REPO_ROOT/functions/functions.json"
ENVIRONMENTS_DIR="$REPO_ROOT/terraform/environments"
DRY_RUN=false

# Dry-run output goes to the original stdout even from inside $(...).
exec 3>&1

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
note() { printf '%s\n' "$*" >&2; }
# summary: standard input into the GitHub job summary, or to stderr outside Actions.
summary() { if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then cat >>"$GITHUB_STEP_SUMMARY"; else cat >&2; fi; }

require() {
  local tool
  for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is required"; done
}

check_environment() {
  [[ -f "$ENVIRONMENTS_DIR/$1.tfvars" ]] || die "unknown environment '$1' (dev, sit or prod)"
}

# The region an environment is deployed to, as written in its tfvars file.
environment_region() {
  sed -nE 's/^[[:space:]]*region[[:space:]]*=[[:space:]]*"([^"]+)".*/\1/p' "$ENVIRONMENTS_DIR/$1.tfvars" | head -n 1
}

function_keys() { jq -r 'keys_unsorted[]' "$FUNCTIONS_JSON"; }

# update-alias --routing-config that drops a canary's routing, so that the alias's version gets all
# of its traffic (without it, update-alias keeps the routing it had).
NO_ROUTING='{"AdditionalVersionWeights":{}}'

# Lambda function name of a function key; the same rule as name_prefix in terraform/stack/main.tf.
function_name() { printf 'campaigns-%s-%s\n' "$1" "$2"; }

# Prints a command so that it can be pasted back into a shell: plain words as they are, anything
# else in single quotes.
show_command() {
  local word out="+"
  for word in "$@"; do
    if [[ "$word" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
      out+=" $word"
    else
      out+=" '${word//\'/\'\\\'\'}'"
    fi
  done
  printf '%s\n' "$out"
}

# run CMD...: runs CMD, or with --dry-run only prints it.
run() {
  if $DRY_RUN; then
    show_command "$@" >&3
    return 0
  fi
  "$@"
}

# capture PLACEHOLDER CMD...: prints CMD's output; with --dry-run prints the command and gives
# PLACEHOLDER instead, so that later commands can show where the value goes.
capture() {
  local placeholder="$1"
  shift
  if $DRY_RUN; then
    show_command "$@" >&3
    printf '%s\n' "$placeholder"
    return 0
  fi
  "$@"
}
