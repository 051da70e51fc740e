# shellcheck shell=bash
# Sourced by build.sh: the API reference page that the emulator serves at /docs, docs/openapi.yaml
# rendered by Redocly's build-docs into one HTML file that needs nothing from the network.

# Redoc's sidebar footer ("API docs by" and Redocly's logo) takes the logo from cdn.redoc.ly, and
# no option leaves it out: the page gets the name as a local image instead, attribution kept.
API_DOCS_LOGO='<svg xmlns="http://www.w3.org/2000/svg" width="46" height="14"><text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#1f2328">Redocly</text></svg>'
API_DOCS_LOGO_MINI='<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14"><text x="2" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#1f2328">R</text></svg>'

# build_api_docs OUT: renders docs/openapi.yaml into OUT unless OUT is newer than the contract,
# the node tools and this file.
build_api_docs() {
  local out="$1" tmp="$1.tmp" logo mini
  if [[ -f "$out" && "$out" -nt docs/openapi.yaml && "$out" -nt tools/package-lock.json && "$out" -nt tools/build/lib/apidocs.sh ]]; then
    return 0
  fi
  ensure_node_tools
  log "rendering docs/openapi.yaml into $out (redocly build-docs)"
  mkdir -p "$WORK" "$(dirname "$out")"
  # --inlineBundle writes Redoc's script into the page instead of loading it from Redocly's CDN.
  # REDOCLY_TELEMETRY=off: neither the CLI nor the page it writes reports usage to Redocly.
  # Redoc 3's page template links no web fonts (it uses the system's), so there are none to strip.
  REDOCLY_TELEMETRY=off tools/node_modules/.bin/redocly build-docs docs/openapi.yaml --inlineBundle \
    --output "$tmp" >"$WORK/api-docs.log" 2>&1 || { cat "$WORK/api-docs.log" >&2; die "redocly build-docs failed"; }
  logo="data:image/svg+xml;base64,$(printf '%s' "$API_DOCS_LOGO" | base64 -w0)"
  mini="data:image/svg+xml;base64,$(printf '%s' "$API_DOCS_LOGO_MINI" | base64 -w0)"
  sed -i -e "s|https://cdn\.redoc\.ly/redoc/logo-mini-full\.svg|$logo|g" \
    -e "s|https://cdn\.redoc\.ly/redoc/logo-mini\.svg|$mini|g" "$tmp"
  # What the page would fetch whatever the contract: the logo, and the bundle itself without
  # --inlineBundle. Redoc's icon packs (cdn.redocly.com/icons) are drawn only for code samples and
  # icon tags, which the contract does not use; the emulator's policy blocks them if it ever does,
  # and the browser check in ./build.sh test fails.
  if grep -qE 'https://cdn\.redoc\.ly|https://cdn\.redocly\.com/redoc/' "$tmp"; then
    die "the rendered API docs would load Redoc's files from its CDN: the page must load nothing from outside"
  fi
  mv "$tmp" "$out"
}
