# shellcheck shell=bash
# Sourced by build.sh: what a command needs on this machine. The SDK, Node and Terraform are checked
# up front with one clear line each (none is in Debian's archive at the version needed); the Debian
# packages ./build.sh test needs are installed where it runs as root on Debian or Ubuntu, and named in
# one command to run otherwise. HOST_ROOT (tests only) prefixes the files probed here.

MIN_NODE_MAJOR=20
MIN_TERRAFORM="1.11"

# The .NET SDK that global.json asks for; without it every dotnet command fails obscurely.
require_dotnet_sdk() {
  local wanted
  wanted="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json)"
  command -v dotnet >/dev/null || die "the .NET SDK $wanted (global.json) is not on PATH: install it from https://dot.net/download (or dotnet-install.sh --version $wanted)"
  dotnet --version >/dev/null 2>&1 || die "no installed .NET SDK matches global.json ($wanted or a later feature band): dotnet --list-sdks shows what is here; install it from https://dot.net/download"
}

require_node() {
  local version
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "Node.js $MIN_NODE_MAJOR or newer with npm is not on PATH: install it from https://nodejs.org/en/download (Debian 12's nodejs is 18, too old)"
  version="$(node --version)"
  version="${version#v}"
  [[ "${version%%.*}" -ge "$MIN_NODE_MAJOR" ]] || die "Node.js $version is too old: $MIN_NODE_MAJOR or newer is needed (https://nodejs.org/en/download)"
}

require_terraform() {
  local version
  command -v terraform >/dev/null || die "Terraform $MIN_TERRAFORM or newer is not on PATH (it is not in Debian's archive): https://developer.hashicorp.com/terraform/install"
  version="$(terraform version 2>/dev/null | sed -n '1s/^Terraform v//p')"
  [[ "$(printf '%s\n%s\n' "$MIN_TERRAFORM" "$version" | sort -V | head -1)" == "$MIN_TERRAFORM" ]] \
    || die "Terraform $version is too old: $MIN_TERRAFORM or newer is needed (https://developer.hashicorp.com/terraform/install)"
}

# True when the arm64 leg of ./build.sh test runs here (an x64 machine, not switched off).
arm64_leg_here() { [[ "${CAMPAIGNS_ARM64_LEG:-run}" != skip && "$(host_arch)" == x64 ]]; }

# Prints the Debian packages ./build.sh test needs and this machine lacks, one per line.
test_packages_missing() {
  command -v jq >/dev/null || echo jq
  command -v zip >/dev/null || echo zip
  command -v unzip >/dev/null || echo unzip
  command -v python3 >/dev/null || echo python3
  # Packaging deflates the Lambda zips with 7-Zip's encoder, smaller than zlib's (docs/performance.md).
  command -v 7zz >/dev/null || command -v 7z >/dev/null || echo 7zip
  # The browser check of the API reference at /docs (tests/browser) takes any of these.
  [[ -n "${CAMPAIGNS_CHROMIUM:-}" ]] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
    || command -v google-chrome-stable >/dev/null || command -v google-chrome >/dev/null || echo chromium
  [[ -n "${DYNAMODB_ENDPOINT:-}" ]] || command -v java >/dev/null || echo openjdk-17-jre-headless
  if arm64_leg_here; then
    # clang drives the cross link; qemu-user runs the arm64 bootstraps, which load the arm64 OpenSSL.
    command -v clang >/dev/null || echo clang
    command -v aarch64-linux-gnu-objcopy >/dev/null || echo binutils-aarch64-linux-gnu
    command -v aarch64-linux-gnu-gcc >/dev/null || echo gcc-aarch64-linux-gnu
    # crt1.o, not the folder: libc6-arm64-cross (the runtime, which stays when -dev is removed) has the folder too.
    [[ -e "${HOST_ROOT:-}/usr/aarch64-linux-gnu/lib/crt1.o" ]] || echo libc6-dev-arm64-cross
    command -v qemu-aarch64 >/dev/null || echo qemu-user
    [[ -e "${HOST_ROOT:-}/usr/lib/aarch64-linux-gnu/libssl.so.3" ]] || echo libssl3:arm64
  fi
}

host_distribution() { sed -n 's/^ID=//p' "${HOST_ROOT:-}/etc/os-release" 2>/dev/null | tr -d '"'; }

# Ubuntu serves arm64 from its ports archive only: the x64 sources are limited to amd64 and the
# ports archive added for arm64, or apt-get update fails on the missing arm64 indexes.
ubuntu_arm64_sources() {
  local etc="${HOST_ROOT:-}/etc/apt" codename
  [[ -f "$etc/sources.list.d/campaigns-arm64-ports.sources" ]] && return 0
  codename="$(sed -n 's/^VERSION_CODENAME=//p' "${HOST_ROOT:-}/etc/os-release")"
  if [[ -f "$etc/sources.list.d/ubuntu.sources" ]] && ! grep -q '^Architectures:' "$etc/sources.list.d/ubuntu.sources"; then
    sed -i '/^Types:/a Architectures: amd64' "$etc/sources.list.d/ubuntu.sources"
  fi
  printf '%s\n' "Types: deb" "URIs: http://ports.ubuntu.com/ubuntu-ports" \
    "Suites: $codename $codename-updates $codename-security" "Components: main universe" \
    "Architectures: arm64" "Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg" \
    >"$etc/sources.list.d/campaigns-arm64-ports.sources"
}

# ensure_test_packages: installs what test_packages_missing names (root on Debian or Ubuntu, one line
# naming them); as another user names them and the one command that installs them, and stops.
ensure_test_packages() {
  local missing distribution arm64=no
  mapfile -t missing < <(test_packages_missing)
  [[ ${#missing[@]} -eq 0 ]] && return 0
  [[ " ${missing[*]} " == *":arm64 "* ]] && arm64=yes
  distribution="$(host_distribution)"
  if [[ "$distribution" != debian && "$distribution" != ubuntu ]] || ! command -v apt-get >/dev/null; then
    die "this machine lacks what ./build.sh test needs (Debian package names): ${missing[*]}"
  fi
  [[ "$(id -u)" == 0 ]] || die "./build.sh test needs these Debian packages: ${missing[*]}; install them with: sudo ./build.sh setup"
  log "installing: ${missing[*]}"
  if [[ "$arm64" == yes ]]; then
    [[ "$distribution" == ubuntu ]] && ubuntu_arm64_sources
    dpkg --add-architecture arm64
  fi
  apt-get update -qq >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed"
}
