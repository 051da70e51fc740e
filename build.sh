#!/usr/bin/env bash
# Campaigns build entry point: ./build.sh <command> [options]. Each command's body is one file,
# tools/build/commands/<command>.sh; what they share is in tools/build/lib/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# command|what it does (./build.sh <command> --help for its options)
COMMANDS=(
  "check|The loop to run while working: formatting, build, unit tests (no DynamoDB Local, no AOT); under 90 s warm."
  "serve|The API on http://127.0.0.1:3000 over DynamoDB Local: the real AOT binaries behind the local Lambda emulator."
  "test|Everything a change must pass (lint, policy, Terraform, AOT publish, all tests, coverage); ends with \"N passed, N failed, N skipped\"."
  "package|The deployable zips: artifacts/<arch>/<name>.zip, checked, reproducible, with manifest.json."
  "end-to-end|The end-to-end suite on already packaged zips (--zips DIR), e.g. arm64 ones under qemu-aarch64."
  "terraform|terraform fmt, then the real terraform validate and terraform test of the bootstrap and the stack in every environment."
  "bench|The cold-start and warm benchmark of the real binaries; refreshes docs/performance.md."
  "load|Mixed read/write load through the local API, then a no-lost-writes check."
  "smoke|Contract smoke check of a running API, local or deployed (--url BASE [--token JWT]); every response against docs/openapi.yaml."
  "setup|Installs the Debian packages ./build.sh test needs (as root: sudo ./build.sh setup); test does it itself as root."
  "coldstart|Forces cold starts of a deployed environment and prints the CloudWatch table."
)

usage() {
  local entry
  echo "Usage: ./build.sh <command> [options]    (./build.sh <command> --help for its options)"
  echo
  echo "Commands:"
  for entry in "${COMMANDS[@]}"; do
    printf '  %-10s %s\n' "${entry%%|*}" "${entry#*|}"
  done
  cat <<'USAGE'

Environment:
  DYNAMODB_ENDPOINT   use this running DynamoDB (e.g. http://127.0.0.1:8000) instead of starting one
USAGE
}

COMMAND="${1:-help}"
[[ $# -gt 0 ]] && shift
case "$COMMAND" in
  help|-h|--help) usage; exit 0 ;;
esac
known=no
for entry in "${COMMANDS[@]}"; do [[ "${entry%%|*}" == "$COMMAND" ]] && known=yes; done
if [[ "$known" != yes ]]; then
  usage >&2
  printf '\033[1;31merror:\033[0m unknown command: %s\n' "$COMMAND" >&2
  exit 1
fi

for lib in tools/build/lib/*.sh; do
  # shellcheck source=/dev/null
  source "$lib"
done
# shellcheck source=/dev/null
source "tools/build/commands/$COMMAND.sh"
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  "usage_$COMMAND"
  exit 0
fi
"cmd_$COMMAND" "$@"
