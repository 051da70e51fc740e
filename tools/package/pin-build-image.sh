#!/usr/bin/env bash
# Checks that build.Dockerfile pins each architecture's build image by digest. For every
# ARG BASE_IMAGE_<ARCH>= that names a tag alone, it resolves the digest the tag points at now in the
# registry (the sha256 of the manifest bytes, from docker buildx imagetools inspect --raw), prints
# the two lines to commit in its place, and fails. Run by CI (ci.yml), where the registry can be
# reached; committing its lines is what makes it pass.
#
# Usage: tools/package/pin-build-image.sh [DOCKERFILE]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DOCKERFILE="${1:-$ROOT/.github/docker/build.Dockerfile}"
die() { printf 'error: pin-build-image: %s\n' "$*" >&2; exit 1; }

[[ -f "$DOCKERFILE" ]] || die "no $DOCKERFILE"
mapfile -t lines < <(grep -E '^ARG BASE_IMAGE_[A-Z0-9_]+=' "$DOCKERFILE" || true)
[[ ${#lines[@]} -gt 0 ]] || die "$DOCKERFILE has no ARG BASE_IMAGE_<ARCH>= line"

pins=()
for line in "${lines[@]}"; do
  name="${line#ARG }"
  name="${name%%=*}"
  ref="${line#*=}"
  if [[ "$ref" =~ ^[a-z0-9._/-]+(:[A-Za-z0-9._-]+)?@sha256:[0-9a-f]{64}$ ]]; then
    printf 'pinned: %s=%s\n' "$name" "$ref"
    continue
  fi
  [[ "$ref" =~ ^[a-z0-9._/-]+:[A-Za-z0-9._-]+$ ]] || die "$name=$ref is neither repository:tag nor repository[:tag]@sha256:<digest>"
  command -v docker >/dev/null 2>&1 || die "$name names the tag $ref alone, and without docker its digest cannot be resolved here"
  manifest="$(mktemp)"
  docker buildx imagetools inspect --raw "$ref" >"$manifest" || { rm -f "$manifest"; die "cannot read the manifest of $ref from its registry"; }
  [[ -s "$manifest" ]] || { rm -f "$manifest"; die "the registry gave an empty manifest for $ref"; }
  digest="sha256:$(sha256sum "$manifest" | cut -d' ' -f1)"
  rm -f "$manifest"
  pins+=("# $ref, resolved $(date -u +%Y-%m-%d)" "ARG $name=$ref@$digest")
done

if [[ ${#pins[@]} -gt 0 ]]; then
  echo "::error file=.github/docker/build.Dockerfile::the build image is named by a moving tag; commit these lines in place of the ARG BASE_IMAGE_* lines (and their tag comments):"
  printf '%s\n' "${pins[@]}"
  if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
    { echo "### Build image not pinned"; echo; echo "Commit in .github/docker/build.Dockerfile:"; echo; echo '```'; printf '%s\n' "${pins[@]}"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
  fi
  exit 1
fi
