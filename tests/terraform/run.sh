#!/usr/bin/env bash
# Runs the real `terraform validate`, and `terraform test` where the root has tests, on one
# Terraform root, without the registry: the hashicorp/aws provider is the schema-only stand-in
# (provider/server.mjs, serving schema/aws.json) attached through TF_REATTACH_PROVIDERS.
#
# Usage: tests/terraform/run.sh ROOT [terraform test args...]
#
#   ROOT  a Terraform root folder (terraform/stack, terraform/bootstrap, or any folder)
#   args  passed to `terraform test`, which runs when args are given or ROOT has a tests/ folder
#
# Nothing is written inside ROOT: Terraform's data dir (modules, providers) and the stand-in's
# log are under .work/terraform/<ROOT with / as ->. With CAMPAIGNS_TERRAFORM_PROVIDER=registry
# (GitHub CI, which reaches the registry) the real provider is installed by a plain
# `terraform init` instead. Needs terraform, node and `npm ci --prefix tools`.
# The exit status is terraform's.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 ROOT [terraform test args...]" >&2
  exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROOT="$(cd "$1" && pwd)"
shift

# The root's path inside the repository (or its absolute path), with / as -.
case "$ROOT/" in
  "$REPO"/*) name="${ROOT#"$REPO"/}" ;;
  *) name="${ROOT#/}" ;;
esac
name="${name:-root}"
name="${name//\//-}"
WORK="$REPO/.work/terraform/$name"
mkdir -p "$WORK"

export TF_DATA_DIR="$WORK/data"
export TF_IN_AUTOMATION=1
export CHECKPOINT_DISABLE=1
: >"$WORK/empty.tfrc"
export TF_CLI_CONFIG_FILE="$WORK/empty.tfrc"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/tf-standin.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

log="$WORK/provider.log"
show_log() {
  echo "--- stand-in provider log, last lines ($log) ---" >&2
  tail -n 20 "$log" >&2 || true
}

if [[ "${CAMPAIGNS_TERRAFORM_PROVIDER:-}" != registry ]]; then
  if [[ ! -d "$REPO/tools/node_modules/@grpc/grpc-js" ]]; then
    echo "run.sh: the stand-in needs @grpc/grpc-js: run \`npm ci --prefix tools\` first" >&2
    exit 1
  fi
  socket="$tmp/provider.sock"
  node "$REPO/tests/terraform/provider/server.mjs" "$socket" >"$tmp/ready" 2>"$log" &
  server_pid=$!
  deadline=$((SECONDS + 20))
  until grep -q '^ready ' "$tmp/ready" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid" 2>/dev/null || true
      server_pid=""
      echo "run.sh: the stand-in provider exited before it was ready" >&2
      show_log
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "run.sh: the stand-in provider was not ready within 20 s" >&2
      show_log
      exit 1
    fi
    sleep 0.1
  done
  export TF_REATTACH_PROVIDERS="{\"registry.terraform.io/hashicorp/aws\":{\"Protocol\":\"grpc\",\"ProtocolVersion\":5,\"Pid\":$server_pid,\"Test\":true,\"Addr\":{\"Network\":\"unix\",\"String\":\"$socket\"}}}"
fi

status=0
terraform -chdir="$ROOT" init -backend=false -input=false -no-color >"$WORK/init.log" 2>&1 || status=$?
if [[ $status -ne 0 ]]; then
  cat "$WORK/init.log" >&2
  [[ -n "$server_pid" ]] && show_log
  exit "$status"
fi

terraform -chdir="$ROOT" validate -no-color || status=$?
if [[ $status -eq 0 && ( $# -gt 0 || -d "$ROOT/tests" ) ]]; then
  terraform -chdir="$ROOT" test -no-color "$@" || status=$?
fi
if [[ $status -ne 0 && -n "$server_pid" ]]; then
  show_log
fi
exit "$status"
