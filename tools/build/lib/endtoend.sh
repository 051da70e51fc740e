# shellcheck shell=bash
# Sourced by build.sh: the end-to-end suite on packaged zips, used by ./build.sh test (arm64 leg)
# and ./build.sh end-to-end (package.yml, on the zips it is about to upload).

# end_to_end_on_zips ZIP_DIR RESULTS_DIR [LAUNCHER]: unzips every function's zip from ZIP_DIR (not
# rebuilt: the very bytes that ship) and runs tests/Campaigns.EndToEnd.Tests on them against
# $DYNAMODB_ENDPOINT, each bootstrap started by LAUNCHER when given (qemu-aarch64). Writes
# RESULTS_DIR/end-to-end-<zip folder name>.trx.
end_to_end_on_zips() {
  local zips="$1" results="$2" launcher="${3:-}" functions label
  label="$(basename "$zips")"
  functions="$WORK/end-to-end-$label"
  unzip_functions "$zips" "$functions"
  log "end-to-end tests on the zips in $zips${launcher:+, each bootstrap under $launcher}"
  # Absolute: the tests run from their own output folder.
  CAMPAIGNS_FUNCTIONS_DIR="$functions" CAMPAIGNS_ZIPS_DIR="$(cd "$zips" && pwd)" CAMPAIGNS_FUNCTION_LAUNCHER="$launcher" \
    dotnet test tests/Campaigns.EndToEnd.Tests -p:CampaignsFramework="${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" \
    --logger "trx;LogFileName=end-to-end-$label.trx" --results-directory "$results" -nologo 2>&1 | tee "$WORK/test-$label.log"
  return "${PIPESTATUS[0]}"
}
