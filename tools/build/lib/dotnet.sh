# shellcheck shell=bash
# Sourced by build.sh: which framework to AOT-compile with, and the AOT publish of the functions.

PRODUCTION_FRAMEWORK="net10.0"
# Frameworks tried, newest first, when the requested one cannot be AOT-compiled on this machine.
FALLBACK_FRAMEWORKS=(net10.0 net9.0 net8.0)
# The --framework a command was given, empty for the default; set by the commands.
FRAMEWORK=""

# True when the ILCompiler packs for framework $1 and runtime linux-$2 restore here.
aot_restores() {
  dotnet restore "$(function_project get_campaign)" -r "linux-$2" -p:PublishAot=true -p:CampaignsFramework="$1" >/dev/null 2>&1
}

# Prints the framework to AOT-compile with: the requested one or, when allowed, the newest that restores.
# Fallback is allowed only for the default framework; an explicit --framework is taken at its word.
resolve_aot_framework() {
  local requested="$1" arch="$2" allow_fallback="$3" candidate
  if aot_restores "$requested" "$arch"; then
    echo "$requested"
    return
  fi
  [[ "$allow_fallback" == yes ]] || die "the Native AOT packs for $requested (linux-$arch) do not restore on this machine; an explicit --framework is never substituted: pass another one or build in the container (see README)"
  for candidate in "${FALLBACK_FRAMEWORKS[@]}"; do
    [[ "$candidate" == "$requested" ]] && continue
    if aot_restores "$candidate" "$arch"; then
      warn "############################################################################"
      warn "AOT packs for $requested are not available here: AOT builds FALL BACK to $candidate."
      warn "Production ships $PRODUCTION_FRAMEWORK, built in the container (see README)."
      warn "############################################################################"
      echo "$candidate"
      return
    fi
  done
  die "no framework's Native AOT packs restore on this machine"
}

fallback_allowed() { if [[ -z "$FRAMEWORK" ]]; then echo yes; else echo no; fi; }

# The framework this machine AOT-compiles the requested (or default) framework with.
host_aot_framework() { resolve_aot_framework "${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" "$(host_arch)" "$(fallback_allowed)"; }

# aot_publish PROJECT FRAMEWORK ARCH OUTDIR [msbuild args...]: one Native AOT executable; warnings are errors.
aot_publish() {
  local project="$1" framework="$2" arch="$3" out="$4"
  shift 4
  # ContinuousIntegrationBuild maps source paths to /_/, so the binary does not depend on where the
  # checkout lives: two fresh builds of one commit in different folders are byte-identical.
  dotnet publish "$project" -c Release -r "linux-$arch" -p:ContinuousIntegrationBuild=true \
    -p:CampaignsFramework="$framework" -o "$out" -nologo -clp:NoSummary -v:quiet "$@" >&2 \
    || die "AOT publish of $project failed"
}

# publish_function NAME FRAMEWORK ARCH OUTDIR: AOT-publishes one function into OUTDIR/bootstrap.
publish_function() {
  local name="$1" out="$4"
  aot_publish "$(function_project "$name")" "$2" "$3" "$out"
  [[ -x "$out/bootstrap" ]] || die "AOT publish of $name produced no bootstrap"
  # bootstrap.dbg stays: packaging keeps it to resolve stack frames (see tools/package/symbolize.py).
  rm -f "$out"/*.pdb
}

functions_dir() { echo "$WORK/publish/$1-$2"; }

# publish_all FRAMEWORK ARCH: AOT-publishes every function into $(functions_dir FRAMEWORK ARCH)/<name>/bootstrap.
publish_all() {
  local name
  for name in $(function_names); do
    log "AOT publish: $name ($1, linux-$2, warnings are errors)"
    publish_function "$name" "$1" "$2" "$(functions_dir "$1" "$2")/$name"
  done
}
