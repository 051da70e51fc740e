#!/usr/bin/env bash
# Prints an access token of the smoke client, from the identity provider's OAuth2 client-credentials
# flow: the smoke check's --token-command (smoke-or-rollback.sh). The client secret stays off every
# command line, where any process on the runner could read it: curl gets the Basic authorization
# header in a config on its standard input (--config -), built by shell builtins and base64 reading
# its standard input.
#
# Environment: SMOKE_TOKEN_URL, SMOKE_CLIENT_ID, SMOKE_CLIENT_SECRET.
set -euo pipefail
# shellcheck source=terraform/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -n "${SMOKE_TOKEN_URL:-}" && -n "${SMOKE_CLIENT_ID:-}" && -n "${SMOKE_CLIENT_SECRET:-}" ]] \
  || die "SMOKE_TOKEN_URL, SMOKE_CLIENT_ID and SMOKE_CLIENT_SECRET must be set"
require curl jq base64
# The same header as curl -u id:secret; base64's alphabet needs no quoting in curl's config syntax.
basic="$(printf '%s:%s' "$SMOKE_CLIENT_ID" "$SMOKE_CLIENT_SECRET" | base64 -w 0)"
printf 'header = "Authorization: Basic %s"\n' "$basic" \
  | curl -sf --config - -d grant_type=client_credentials "$SMOKE_TOKEN_URL" \
  | jq -er .access_token
