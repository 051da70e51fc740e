# shellcheck shell=bash
# ./build.sh smoke: the contract smoke check of a running API (tools/smoke/smoke.mjs), local or deployed.

usage_smoke() {
  ensure_node_tools
  node tools/smoke/smoke.mjs --help
}

cmd_smoke() {
  ensure_node_tools
  # Its own exit status: 0 all passed, 1 a check failed or the API is unreachable, 2 a usage error.
  exec node tools/smoke/smoke.mjs "$@"
}
