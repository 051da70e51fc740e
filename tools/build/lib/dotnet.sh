# shellcheck shell=bash
# Sourced by build.sh: which framework to AOT-compile with, and the AOT publish of the functions.

PRODUCTION_FRAMEWORK="net10.0"
# Frameworks tried, newest first, when the requested one cannot be AOT-compiled on this machine.
FALLBACK_FRAMEWORKS=(net10.0 net9.0 net8.0)
# The --framework a command was given, empty for the default; set by the commands.
FRAMEWORK=""

# True when the ILCompiler packs for framework $1 and runtime linux-$2 restore here.
# A RuntimeIdentifier turns PublishAot on (Directory.Build.props) and keeps the lock file's
# RuntimeIdentifiers, as publish does; `restore -r` would replace them and fail a locked restore.
aot_restores() {
  mkdir -p "$WORK"
  dotnet restore "$(function_project get_campaign)" -p:RuntimeIdentifier="linux-$2" -p:CampaignsFramework="$1" \
    >"$WORK/aot-restore-$1.log" 2>&1
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
      soft_pass "the AOT publish fell back from $requested to $candidate (production ships $PRODUCTION_FRAMEWORK, built in the container)"
      echo "$candidate"
      return
    fi
  done
  tail -n 5 "$WORK/aot-restore-$requested.log" >&2
  die "no framework's Native AOT packs restore on this machine (the restore of $requested said the above)"
}

fallback_allowed() { if [[ -z "$FRAMEWORK" ]]; then echo yes; else echo no; fi; }

# The framework this machine AOT-compiles the requested (or default) framework with.
host_aot_framework() { resolve_aot_framework "${FRAMEWORK:-$PRODUCTION_FRAMEWORK}" "$(host_arch)" "$(fallback_allowed)"; }

# The Debian packages that cross-compile linux-arm64 on an x64 machine (clang drives the link).
CROSS_ARM64_PACKAGES="clang gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross"

# cross_toolchain_missing ARCH: prints what is missing to compile for ARCH on this machine, or nothing.
cross_toolchain_missing() {
  [[ "$1" == "$(host_arch)" ]] && return 0
  if [[ "$1" == arm64 && "$(host_arch)" == x64 ]]; then
    if ! command -v clang >/dev/null || ! command -v aarch64-linux-gnu-objcopy >/dev/null || [[ ! -d /usr/aarch64-linux-gnu/lib ]]; then
      echo "the arm64 cross toolchain: apt-get install $CROSS_ARM64_PACKAGES"
    fi
    return 0
  fi
  echo "a toolchain for linux-$1 on this $(host_arch) machine (only arm64 on x64 is supported)"
}

# MSBuild arguments that make the AOT compiler target ARCH from this machine.
cross_publish_args() {
  if [[ "$1" == arm64 && "$(host_arch)" == x64 ]]; then
    echo "-p:ObjCopyName=aarch64-linux-gnu-objcopy"
  fi
}

# aot_publish PROJECT FRAMEWORK ARCH OUTDIR [msbuild args...]: one Native AOT executable; warnings are errors.
# ARCH may be foreign to this machine where the cross toolchain is installed (cross_toolchain_missing).
aot_publish() {
  local project="$1" framework="$2" arch="$3" out="$4" missing cross
  shift 4
  missing="$(cross_toolchain_missing "$arch")"
  [[ -z "$missing" ]] || die "compiling linux-$arch here needs $missing"
  cross="$(cross_publish_args "$arch")"
  # ContinuousIntegrationBuild maps source paths to /_/, so the binary does not depend on where the
  # checkout lives: two fresh builds of one commit in different folders are byte-identical.
  dotnet publish "$project" -c Release -r "linux-$arch" -p:ContinuousIntegrationBuild=true \
    -p:CampaignsFramework="$framework" ${cross:+"$cross"} -o "$out" -nologo -clp:NoSummary -v:quiet "$@" >&2 \
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
