#!/usr/bin/env bash
# Terraform checked by Terraform itself: `terraform fmt -check`, then `terraform validate` and
# `terraform test` of the account bootstrap, of the stack once per environment
# (terraform/environments/<env>.tfvars) and of the modules' own validations.
#
# Usage: tests/terraform/check.sh [--provider stand-in|registry] [--results DIR]
#   stand-in  (default) Terraform attaches to the schema-only provider of tests/terraform/provider
#   registry  the real hashicorp/aws from the registry (GitHub CI); then also compares the real
#             schema with the committed tests/terraform/schema/aws.json and writes the provider
#             lock files for linux_amd64 and linux_arm64 into .work/terraform/locks/, failing
#             where a committed .terraform.lock.hcl disagrees or where none is committed yet
#             (the file to commit is then printed)
#
# Each terraform test run writes JUnit XML into DIR/<name>.xml (default .work/terraform/results),
# which ./build.sh test reads for its totals.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
provider="stand-in"
results="$root/.work/terraform/results"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --provider) provider="${2:?--provider needs stand-in or registry}"; shift 2 ;;
    --results) results="${2:?--results needs a folder}"; shift 2 ;;
    *) echo "usage: tests/terraform/check.sh [--provider stand-in|registry] [--results DIR]" >&2; exit 2 ;;
  esac
done
[[ "$provider" == stand-in || "$provider" == registry ]] || { echo "--provider is stand-in or registry" >&2; exit 2; }
command -v terraform >/dev/null || { echo "terraform 1.11 or newer is needed on PATH (developer.hashicorp.com/terraform/install)" >&2; exit 1; }

rm -rf "$results"
mkdir -p "$results"

# Which roots have a committed lock file, noted before any `terraform init` (which writes one for
# this platform only where none exists).
lock_roots=(terraform/stack terraform/bootstrap)
declare -A committed_lock=()
for dir in "${lock_roots[@]}"; do
  [[ -f "$dir/.terraform.lock.hcl" ]] && committed_lock[$dir]=yes
done
export CAMPAIGNS_TERRAFORM_PROVIDER="$provider"
status=0

step() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

step "terraform fmt -check"
terraform fmt -check -recursive -diff terraform >&2 || { echo "terraform/ is not formatted: run 'terraform fmt -recursive terraform'" >&2; status=1; }

# run NAME ROOT [terraform test args...]
run() {
  local name="$1" dir="$2"
  shift 2
  step "terraform validate + test: $name"
  tests/terraform/run.sh "$dir" -junit-xml="$results/$name.xml" "$@" >&2 || status=1
}

run bootstrap terraform/bootstrap
run modules terraform/stack -filter=tests/modules.tftest.hcl
for vars in terraform/environments/*.tfvars; do
  environment="$(basename "$vars" .tfvars)"
  run "stack-$environment" terraform/stack -filter=tests/stack.tftest.hcl -var-file="../environments/$environment.tfvars"
done

if [[ "$provider" == registry ]]; then
  work="$root/.work/terraform"
  pinned="$(sed -nE 's/^[[:space:]]*version[[:space:]]*=[[:space:]]*"([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' terraform/stack/versions.tf | head -n 1)"
  [[ -n "$pinned" ]] || { echo "terraform/stack/versions.tf pins no exact provider version" >&2; exit 1; }

  step "the committed provider schema against hashicorp/aws $pinned"
  probe="$work/schema-probe"
  rm -rf "$probe" && mkdir -p "$probe"
  printf 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "%s" }\n  }\n}\n' "$pinned" >"$probe/main.tf"
  TF_DATA_DIR="$probe/data" terraform -chdir="$probe" init -backend=false -input=false -no-color >"$probe/init.log" 2>&1 \
    || { cat "$probe/init.log" >&2; exit 1; }
  TF_DATA_DIR="$probe/data" terraform -chdir="$probe" providers schema -json >"$probe/full.json"
  node tests/terraform/schema/compare.mjs "$probe/full.json" "$work/aws.json" >&2 || status=1

  # Written in a copy, so that a committed lock file can be compared rather than overwritten.
  step "provider lock files for linux_amd64 and linux_arm64"
  for dir in "${lock_roots[@]}"; do
    copy="$work/lock-copy"
    rm -rf "$copy" && mkdir -p "$copy"
    mkdir -p "$copy/functions"
    cp -r terraform "$copy/"
    cp functions/*.json "$copy/functions/"
    rm -f "$copy/$dir/.terraform.lock.hcl"
    TF_DATA_DIR="$copy/data" terraform -chdir="$copy/$dir" init -backend=false -input=false -no-color >"$copy/init.log" 2>&1 \
      || { cat "$copy/init.log" >&2; exit 1; }
    TF_DATA_DIR="$copy/data" terraform -chdir="$copy/$dir" providers lock -platform=linux_amd64 -platform=linux_arm64 -no-color >&2
    mkdir -p "$work/locks/$dir"
    cp "$copy/$dir/.terraform.lock.hcl" "$work/locks/$dir/.terraform.lock.hcl"
    if [[ -z "${committed_lock[$dir]:-}" ]]; then
      echo "$dir/.terraform.lock.hcl is not committed. Commit this file (also in .work/terraform/locks/$dir/ and the terraform-lock-files artifact) as $dir/.terraform.lock.hcl:" >&2
      cat "$work/locks/$dir/.terraform.lock.hcl" >&2
      status=1
    elif ! diff -u "$dir/.terraform.lock.hcl" "$work/locks/$dir/.terraform.lock.hcl" >&2; then
      echo "$dir/.terraform.lock.hcl disagrees with the registry for hashicorp/aws $pinned: commit .work/terraform/locks/$dir/.terraform.lock.hcl" >&2
      status=1
    fi
  done
fi
exit $status
