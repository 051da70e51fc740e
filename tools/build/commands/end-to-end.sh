# shellcheck shell=bash
# ./build.sh end-to-end: the end-to-end suite on zips that were already packaged.

usage_end-to-end() {
  cat <<'USAGE'
Usage: ./build.sh end-to-end [--zips DIR] [--launcher PROGRAM] [--framework F]

Runs the end-to-end suite (the whole contract, faults, protocol, races) on the bootstraps unzipped
from DIR/<name>.zip, as packaged (not rebuilt), over DynamoDB Local. package.yml runs it natively on
arm64 against the container-built zips before uploading them.

  --zips DIR          the zips (default artifacts/<this machine's architecture>)
  --launcher PROGRAM  start each bootstrap as PROGRAM <bootstrap>, e.g. qemu-aarch64 for arm64 zips on x64
USAGE
}

cmd_end-to-end() {
  local zips="artifacts/$(host_arch)" launcher="" results="$WORK/end-to-end-results"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --zips) need_value "$@"; zips="$2"; shift 2 ;;
      --launcher) need_value "$@"; launcher="$2"; shift 2 ;;
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      *) usage_end-to-end >&2; die "unknown option for end-to-end: $1" ;;
    esac
  done
  [[ -d "$zips" ]] || die "no folder $zips: run ./build.sh package first, or pass --zips"
  rm -rf "$results" && mkdir -p "$results"
  stop_children_on_exit
  start_dynamodb_local
  end_to_end_on_zips "$zips" "$results" "$launcher" || die "end-to-end tests failed on $zips"
  python3 tools/build/test_totals.py "$results"/*.trx
}
