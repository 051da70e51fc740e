# shellcheck shell=bash
# ./build.sh terraform: Terraform checked by Terraform itself (tests/terraform/check.sh).

usage_terraform() {
  cat <<'USAGE'
Usage: ./build.sh terraform [--provider stand-in|registry] [--mutations]

terraform fmt -check, then the real terraform validate and terraform test of the account bootstrap,
the modules' validations and the stack once per terraform/environments/<env>.tfvars.

  --provider stand-in   (default) offline: Terraform attaches to the schema-only provider stand-in
  --provider registry   the real hashicorp/aws from the registry; also compares the committed schema
                        and writes the provider lock files (GitHub CI)
  --mutations           then breaks the configuration one way at a time and checks that the matching
                        assert fails (tests/terraform/mutation-list.mjs; a few minutes; also in ./build.sh test)
USAGE
}

cmd_terraform() {
  local provider=stand-in mutations=no
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --provider) need_value "$@"; provider="$2"; shift 2 ;;
      --mutations) mutations=yes; shift ;;
      *) usage_terraform >&2; die "unknown option for terraform: $1" ;;
    esac
  done
  ensure_node_tools
  tests/terraform/check.sh --provider "$provider"
  if [[ "$mutations" == yes ]]; then
    log "mutations: each assert must fail on the change it guards against"
    # Mutations always use the stand-in: with the registry, each would download the provider.
    node --test tests/terraform/mutations.mjs
  fi
}
