# shellcheck shell=bash
# ./build.sh check: the loop to run while working. Formatting, the build with warnings as errors and
# the unit tests; what needs DynamoDB Local, the AOT binaries or a browser is left to ./build.sh test.

# The test categories that need more than the build: DynamoDB Local, or the AOT binaries behind the emulator.
CHECK_TEST_FILTER="Category!=Integration&Category!=EndToEnd"

usage_check() {
  cat <<USAGE
Usage: ./build.sh check [--framework F]

The loop to run while working: the whitespace formatting of every C# file, dotnet build (warnings
are errors; code style and analyzers are enforced in the build, so together they check what
./build.sh test's full dotnet format does), then the unit tests of every test project
(--filter "$CHECK_TEST_FILTER"): no DynamoDB Local, no AOT publish, no end-to-end.
Ends with the time of each step. ./build.sh test stays the whole gate.
USAGE
}

cmd_check() {
  local results="$WORK/check-results" framework summary started=$SECONDS times=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      *) usage_check >&2; die "unknown option for check: $1" ;;
    esac
  done
  framework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}"
  require_dotnet_sdk
  log "checking formatting (whitespace)"
  # The whitespace pass reads files alone (no MSBuild workspace): seconds instead of minutes.
  dotnet format whitespace . --folder --verify-no-changes --exclude '**/bin/**' '**/obj/**' 'tools/node_modules/**' \
    'tools/Campaigns.Bench.Node/node_modules/**' -v:quiet || die "code is not formatted: run 'dotnet format Campaigns.slnx'"
  times+=("format $((SECONDS - started)) s"); started=$SECONDS
  log "building ($framework, warnings are errors)"
  dotnet build Campaigns.slnx -p:CampaignsFramework="$framework" -nologo -clp:NoSummary -v:quiet >&2 || die "the build failed: see above"
  times+=("build $((SECONDS - started)) s"); started=$SECONDS
  rm -rf "$results"
  log "unit tests ($framework)"
  dotnet test Campaigns.slnx --no-build -p:CampaignsFramework="$framework" --filter "$CHECK_TEST_FILTER" \
    --logger trx --results-directory "$results" -nologo -v:quiet >&2 || true
  times+=("unit tests $((SECONDS - started)) s")
  log "check took: $(printf '%s, ' "${times[@]}" | sed 's/, $//')"
  compgen -G "$results/*.trx" >/dev/null || die "the unit tests wrote no results to $results"
  summary="$(python3 tools/build/test_totals.py "$results"/*.trx)" || die "the test result files could not be read"
  echo "$summary"
  [[ "$(tail -1 <<<"$summary")" == *" 0 failed,"* ]]
}
