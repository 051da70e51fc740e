#!/usr/bin/env bash
# Verifies a folder of Lambda zips against its manifest.json before anything is deployed from it:
# every function in functions/functions.json has a zip, every zip is listed, and each zip's
# sha256 is the one the manifest recorded when it was built. With --commit, the manifest's commit
# (when it records one) must be that commit.
#
# The manifest is written by tools/package/manifest.py during ./build.sh package
# ({"commit", "commit_dirty", "architecture", "builder", "functions": [{"name", "file", "sha256",
# ...}]}). Entries are found wherever they are: any object with a "sha256" names its file in
# "file", "zip", "path" or "name", or by its key in a map; so a later manifest layout still works.
# With a "builder" other than "container" or a dirty commit the zips are refused.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -ge 1 ]] || die "usage: verify-artifacts.sh <folder with manifest.json and the zips> [--commit SHA]"
DIR="$1"
shift
COMMIT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --commit) COMMIT="${2:?--commit needs a sha}"; shift 2 ;;
    *) die "unknown argument $1" ;;
  esac
done
require jq sha256sum
MANIFEST="$DIR/manifest.json"
[[ -f "$MANIFEST" ]] || die "$MANIFEST not found"

entries="$(jq -r '
  [paths(objects and has("sha256")) as $p
   | getpath($p) as $o
   | ($o.file // $o.zip // $o.path // $o.name // ($p[-1] | strings) // error("manifest entry without a file name at \($p)")) as $file
   | ($file | split("/") | last | if endswith(".zip") then . else . + ".zip" end) + "\t" + ($o.sha256 | ascii_downcase)]
  | .[]' "$MANIFEST")" || die "cannot read the zip entries of $MANIFEST"
[[ -n "$entries" ]] || die "$MANIFEST lists no zip with a sha256"

failures=0
declare -A listed
while IFS=$'\t' read -r file expected; do
  [[ -z "${listed[$file]:-}" ]] || { note "FAIL $file is listed twice"; failures=$((failures + 1)); continue; }
  listed[$file]="$expected"
  if [[ ! -f "$DIR/$file" ]]; then
    note "FAIL $file is in the manifest but not in $DIR"
    failures=$((failures + 1))
    continue
  fi
  actual="$(sha256sum "$DIR/$file" | cut -d' ' -f1)"
  if [[ "$actual" == "$expected" ]]; then
    printf 'ok   %s %s\n' "$actual" "$file"
  else
    note "FAIL $file: sha256 $actual, manifest says $expected"
    failures=$((failures + 1))
  fi
done <<<"$entries"

for key in $(function_keys); do
  [[ -n "${listed[$key.zip]:-}" ]] || { note "FAIL no $key.zip in the manifest (functions/functions.json lists $key)"; failures=$((failures + 1)); }
done
for zip in "$DIR"/*.zip; do
  [[ -e "$zip" ]] || continue
  [[ -n "${listed[$(basename "$zip")]:-}" ]] || { note "FAIL $(basename "$zip") is not in the manifest"; failures=$((failures + 1)); }
done

# Fields that, when the manifest has them, must agree with what is being deployed.
architectures="$(jq -r '[.. | objects | (.architecture // .arch // empty)] | unique | join(",")' "$MANIFEST")"
if [[ -n "$architectures" && "$architectures" != arm64 ]]; then
  note "FAIL the manifest says architecture $architectures; Lambda runs these as arm64"
  failures=$((failures + 1))
fi
if [[ "$(jq -r '.commit_dirty // false' "$MANIFEST")" == true ]]; then
  note "FAIL the zips were built from a checkout with uncommitted changes"
  failures=$((failures + 1))
fi
builder="$(jq -r '.builder // empty' "$MANIFEST")"
if [[ -n "$builder" && "$builder" != container ]]; then
  note "FAIL the zips were built on the $builder, not in the AL2023 container (their glibc may be too new for Lambda)"
  failures=$((failures + 1))
fi
if [[ -n "$COMMIT" ]]; then
  recorded="$(jq -r '[.. | objects | (.commit // .git_commit // .gitCommit // empty) | strings] | unique | join(",")' "$MANIFEST")"
  if [[ -z "$recorded" ]]; then
    note "warning: the manifest records no commit; relying on the artifact name for $COMMIT"
  elif [[ "$recorded" == *,* || "$COMMIT" != "$recorded"* ]]; then
    note "FAIL the manifest was built from $recorded, expected $COMMIT"
    failures=$((failures + 1))
  fi
fi

[[ $failures -eq 0 ]] || die "$failures problem(s) in $DIR: refusing to deploy these zips"
printf 'verified %d zips against manifest.json (sha256 %s)\n' "${#listed[@]}" "$(sha256sum "$MANIFEST" | cut -d' ' -f1)"
