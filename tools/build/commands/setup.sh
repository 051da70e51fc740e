# shellcheck shell=bash
# ./build.sh setup: the Debian packages ./build.sh test needs, installed as root (the body is in
# tools/build/lib/setup.sh, which ./build.sh test also calls first).

usage_setup() {
  cat <<'USAGE'
Usage: sudo ./build.sh setup

Installs the Debian or Ubuntu packages ./build.sh test needs and this machine lacks (jq, zip, 7-Zip,
Chromium, Java for DynamoDB Local and, on x64, the arm64 cross toolchain, qemu-user and the arm64
OpenSSL), printing one line that names them. The .NET SDK, Node.js 20+ and Terraform 1.11+ are not
in Debian's archive at those versions: it checks them and says where to get them.
Environment: CAMPAIGNS_ARM64_LEG=skip leaves out the arm64 leg's packages.
USAGE
}

cmd_setup() {
  [[ $# -eq 0 ]] || { usage_setup >&2; die "unknown option for setup: $1"; }
  ensure_test_packages
  require_dotnet_sdk
  require_node
  require_terraform
  log "this machine has what ./build.sh test needs"
}
