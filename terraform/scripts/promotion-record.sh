#!/usr/bin/env bash
# Finds the deployment record that promote.yml promotes (SIT takes DEV's, PROD takes SIT's), and
# accepts it only when it came from main:
#   - the run that uploaded the record is this repository's own (not a fork's) run of the workflow
#     that deploys the previous environment (deploy.yml on a push for DEV, promote.yml by hand for
#     SIT), on the branch main;
#   - the run that built the zips (the record's artifact_run_id) is this repository's deploy.yml on a
#     push to main, of the very commit the record names;
#   - that commit is an ancestor of main (--main, origin/main by default) in the git repository the
#     script runs in: promote.yml checks out its own ref (main) with full history and runs this
#     copy, never the copy in the commit being promoted.
# Records that fail the first check are refused one by one, naming why, and the newest one that
# passes is used; a record that passes it but fails the others stops the promotion.
# Prints source=, sha=, artifact_run_id=, manifest_sha256=, record_run_id= lines for $GITHUB_OUTPUT,
# and what the reviewers approve to $GITHUB_STEP_SUMMARY.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'USAGE'
Usage: terraform/scripts/promotion-record.sh <sit|prod> --repo OWNER/REPO [--git-dir DIR] [--main REF]

  <sit|prod>      the environment being promoted to (SIT takes DEV's record, PROD takes SIT's)
  --repo R        this repository (GITHUB_REPOSITORY)
  --git-dir DIR   the checkout whose history decides what is on main (default: this script's own)
  --main REF      main's commit in that checkout (default: origin/main)

Needs gh (GH_TOKEN with actions: read), jq and git.
USAGE
}

TARGET=""
REPO=""
GIT_DIR_OF_MAIN="$REPO_ROOT"
MAIN_REF="origin/main"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) REPO="${2:?--repo needs OWNER/REPO}"; shift 2 ;;
    --git-dir) GIT_DIR_OF_MAIN="${2:?--git-dir needs a folder}"; shift 2 ;;
    --main) MAIN_REF="${2:?--main needs a ref}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [[ -z "$TARGET" ]] || { usage >&2; exit 2; }; TARGET="$1"; shift ;;
  esac
done
[[ -n "$TARGET" && -n "$REPO" ]] || { usage >&2; exit 2; }
[[ "$REPO" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || die "--repo must be OWNER/REPO, not '$REPO'"
DEPLOY_WORKFLOW=.github/workflows/deploy.yml
case "$TARGET" in
  sit) SOURCE=dev RECORD_WORKFLOW="$DEPLOY_WORKFLOW" RECORD_EVENT=push ;;
  prod) SOURCE=sit RECORD_WORKFLOW=.github/workflows/promote.yml RECORD_EVENT=workflow_dispatch ;;
  *) die "can promote to sit or prod, not '$TARGET'" ;;
esac
require gh jq git

# run_problems RUN_JSON WORKFLOW EVENT: nothing when RUN_JSON is this repository's own run of
# WORKFLOW for EVENT on main; otherwise every reason it is not, on one line.
run_problems() {
  jq -r --arg repo "$REPO" --arg path "$2" --arg event "$3" '
    [ (if .repository.full_name != $repo then "it is a run of \(.repository.full_name // "another repository"), not \($repo)" else empty end),
      (if .head_repository.full_name != $repo then "it ran the code of \(.head_repository.full_name // "an unknown repository") (a fork), not \($repo)" else empty end),
      (if (.path // "") as $p | $p != $path and $p != "\($path)@refs/heads/main" then "it ran \(.path // "an unknown workflow"), not \($path)" else empty end),
      (if .event != $event then "it ran on a \(.event // "unknown") event, not \($event)" else empty end),
      (if .head_branch != "main" then "it ran on the branch \(.head_branch // "unknown"), not main" else empty end)
    ] | join("; ")' <<<"$1"
}

get_run() { gh api "repos/$REPO/actions/runs/$1"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

candidates="$(gh api -X GET "repos/$REPO/actions/artifacts" -f name="deployed-$SOURCE" -f per_page=100 \
  | jq -r --arg name "deployed-$SOURCE" '[.artifacts[] | select(.name == $name and (.expired | not))] | sort_by(.created_at) | reverse | .[].workflow_run.id')" \
  || die "cannot list the deployment records deployed-$SOURCE of $REPO"
[[ -n "$candidates" ]] || die "no unexpired deployment record of $SOURCE: deploy $SOURCE first"

record_run=""
for run_id in $candidates; do
  [[ "$run_id" =~ ^[0-9]+$ ]] || { note "refused a deployed-$SOURCE record without a run id"; continue; }
  run="$(get_run "$run_id")" || { note "refused deployed-$SOURCE of run $run_id: the run cannot be read"; continue; }
  problems="$(run_problems "$run" "$RECORD_WORKFLOW" "$RECORD_EVENT")"
  if [[ -n "$problems" ]]; then
    note "refused deployed-$SOURCE of run $run_id: $problems"
    continue
  fi
  record_run="$run_id"
  break
done
[[ -n "$record_run" ]] || die "no deployment record of $SOURCE comes from $RECORD_WORKFLOW on main of $REPO: nothing to promote"

gh run download "$record_run" --repo "$REPO" --name "deployed-$SOURCE" --dir "$work/record" >&2 \
  || die "cannot download deployed-$SOURCE of run $record_run"
record="$work/record/deployed-$SOURCE.json"
[[ -f "$record" ]] || die "deployed-$SOURCE of run $record_run holds no deployed-$SOURCE.json"
field() { jq -er --arg re "$2" ".$1 | strings | select(test(\$re))" "$record" 2>/dev/null || die "deployed-$SOURCE of run $record_run: $1 is missing or malformed"; }
sha="$(field artifact_sha '^[0-9a-f]{40}$')"
artifact_run_id="$(field artifact_run_id '^[0-9]+$')"
manifest_sha256="$(field manifest_sha256 '^[0-9a-f]{64}$')"
[[ "$(jq -r '.environment // empty' "$record")" == "$SOURCE" ]] || die "deployed-$SOURCE of run $record_run records the environment $(jq -r '.environment // "none"' "$record"), not $SOURCE"

# The zips: built by deploy.yml on a push to main, of this very commit.
artifact_run="$(get_run "$artifact_run_id")" || die "the run $artifact_run_id that built the zips of $sha cannot be read"
problems="$(run_problems "$artifact_run" "$DEPLOY_WORKFLOW" push)"
[[ -z "$problems" ]] || die "refused: the zips of $sha come from run $artifact_run_id, and $problems"
built_from="$(jq -r '.head_sha // empty' <<<"$artifact_run")"
[[ "$built_from" == "$sha" ]] || die "refused: run $artifact_run_id built ${built_from:-an unknown commit}, not $sha"

# The commit: on main, by this checkout's history (the promote workflow's own ref).
git -C "$GIT_DIR_OF_MAIN" rev-parse --verify --quiet "$MAIN_REF^{commit}" >/dev/null || die "$MAIN_REF is not a commit in $GIT_DIR_OF_MAIN: check out with full history"
git -C "$GIT_DIR_OF_MAIN" cat-file -e "$sha^{commit}" 2>/dev/null || die "refused: $sha is not a commit of this repository's history (not on main)"
git -C "$GIT_DIR_OF_MAIN" merge-base --is-ancestor "$sha" "$MAIN_REF" || die "refused: $sha is not an ancestor of $MAIN_REF"

note "accepted deployed-$SOURCE of run $record_run: $sha, on main, zips of run $artifact_run_id"
printf '%s\n' "source=$SOURCE" "sha=$sha" "artifact_run_id=$artifact_run_id" "manifest_sha256=$manifest_sha256" "record_run_id=$record_run"
{
  echo "### Promote $SOURCE → $TARGET"
  echo "- commit: \`$sha\` (an ancestor of main)"
  echo "- zips: artifact \`lambda-zips-$sha\` of run $artifact_run_id (deploy.yml, push to main), manifest sha256 \`$manifest_sha256\`"
  echo "- record: run $record_run ($RECORD_WORKFLOW on main), deployed to $SOURCE at $(jq -r '.deployed_at // "unknown"' "$record")"
} | summary
