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
  local project="$1" framework="$2" arch="$3" out="$4"
  shift 4
  aot_publish_run "$project" "$framework" "$arch" -o "$out" "$@"
}

# aot_publish_run PROJECT_OR_SOLUTION FRAMEWORK ARCH [msbuild args...]: the Native AOT publish itself.
aot_publish_run() {
  local project="$1" framework="$2" arch="$3" missing cross
  shift 3
  missing="$(cross_toolchain_missing "$arch")"
  [[ -z "$missing" ]] || die "compiling linux-$arch here needs $missing"
  cross="$(cross_publish_args "$arch")"
  # ContinuousIntegrationBuild maps source paths to /_/, so the binary does not depend on where the
  # checkout lives: two fresh builds of one commit in different folders are byte-identical.
  dotnet publish "$project" -c Release -r "linux-$arch" -p:ContinuousIntegrationBuild=true \
    -p:CampaignsFramework="$framework" ${cross:+"$cross"} -nologo -clp:NoSummary -v:quiet "$@" >&2 \
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

# publish_functions FRAMEWORK ARCH NAME...: AOT-publishes the named functions into
# $(functions_dir FRAMEWORK ARCH)/<name>/ in one MSBuild run, not one each: the projects they share are
# built and checked once, and two functions compile side by side. A solution cannot be published to one
# -o folder, so each function is published into its own bin/ folder and copied from there.
publish_functions() {
  local framework="$1" arch="$2" name solution="$WORK/publish-$1-$2.slnx" built out
  shift 2
  mkdir -p "$WORK"
  { echo "<Solution>"
    for name in "$@"; do echo "  <Project Path=\"../$(function_project "$name")\" />"; done
    echo "</Solution>"
  } >"$solution"
  for name in "$@"; do
    # No bootstrap of an earlier run may pass for this one's.
    rm -rf "$(dirname "$(function_project "$name")")/bin/Release/$framework/linux-$arch/publish"
  done
  aot_publish_run "$solution" "$framework" "$arch"
  for name in "$@"; do
    built="$(dirname "$(function_project "$name")")/bin/Release/$framework/linux-$arch/publish"
    out="$(functions_dir "$framework" "$arch")/$name"
    [[ -x "$built/bootstrap" ]] || die "AOT publish of $name produced no bootstrap"
    rm -rf "$out" && mkdir -p "$out"
    cp -a "$built/." "$out/"
    # bootstrap.dbg stays, as publish_function keeps it.
    rm -f "$out"/*.pdb
  done
}

functions_dir() { echo "$WORK/publish/$1-$2"; }

# Files at the root that every build reads, where they exist (.editorconfig: the analyzers' severities,
# which decide whether a build with warnings as errors passes).
AOT_ROOT_INPUTS=(Directory.Build.props Directory.Build.targets Directory.Packages.props global.json nuget.config NuGet.Config
  Directory.Build.rsp .editorconfig .globalconfig)

# project_closure PROJECT: the folder of PROJECT and of every project it references, directly or through
# others, relative to the root, one a line, sorted.
project_closure() {
  local -A seen=()
  local queue=("$1") project dir ref
  while [[ ${#queue[@]} -gt 0 ]]; do
    project="${queue[0]}"
    queue=("${queue[@]:1}")
    dir="$(dirname "$project")"
    [[ -z "${seen[$dir]:-}" ]] || continue
    [[ -f "$project" ]] || die "$project, which an AOT publish builds, does not exist"
    seen[$dir]=1
    while IFS= read -r ref; do
      if [[ -n "$ref" ]]; then queue+=("$(realpath -m --relative-to=. "$dir/${ref//\\//}")"); fi
    done < <(tr '\n' ' ' <"$project" | grep -o '<ProjectReference[^>]*Include="[^"]*"' | sed 's/.*Include="\([^"]*\)"/\1/')
  done
  printf '%s\n' "${!seen[@]}" | LC_ALL=C sort
}

# aot_inputs NAME FRAMEWORK ARCH: a line for each thing that can change NAME's binary: the framework,
# the architecture, the SDK, the C compiler that links it, the publish command itself and the sources
# (source_inputs). Two equal listings build the same binary.
aot_inputs() {
  local name="$1" framework="$2" arch="$3"
  echo "framework $framework"
  echo "arch linux-$arch"
  if [[ -n "${AOT_TOOLCHAIN:-}" ]]; then echo "$AOT_TOOLCHAIN"; else aot_toolchain; fi
  echo "publish $(declare -f aot_publish aot_publish_run publish_function publish_functions cross_publish_args | sha256sum | cut -c1-64) $(cross_publish_args "$arch")"
  source_inputs "$(function_project "$name")"
}

# source_inputs PROJECT: the MSBuild properties Directory.Build.props reads that the environment sets,
# and the hash of every file of PROJECT and the projects it references (bin/ and obj/ left out:
# outputs) and of the root's build files.
source_inputs() {
  local dirs roots=() file property
  for property in $(grep -o '\$([A-Za-z_][A-Za-z0-9_]*)' Directory.Build.props | tr -d '$()' | LC_ALL=C sort -u); do
    [[ -z "${!property+set}" ]] || echo "env $property=${!property}"
  done
  mapfile -t dirs < <(project_closure "$1")
  # The root's build files, and any file Directory.Build.props names (the native start-up code).
  for file in "${AOT_ROOT_INPUTS[@]}" $(grep -o '\$(MSBuildThisFileDirectory)[A-Za-z0-9_./-]*' Directory.Build.props | sed 's/^\$(MSBuildThisFileDirectory)//' | LC_ALL=C sort -u); do
    if [[ -f "$file" ]]; then roots+=("$file"); fi
  done
  { find "${dirs[@]}" \( -name bin -o -name obj \) -prune -o -type f -print0 | LC_ALL=C sort -z
    if [[ ${#roots[@]} -gt 0 ]]; then printf '%s\0' "${roots[@]}"; fi
  } | xargs -0 -r sha256sum | sed 's/^/file /'
}

# aot_toolchain: the SDK and the C compiler, the same for every function (asked once: see inputs_of).
aot_toolchain() {
  echo "sdk $(dotnet --version 2>/dev/null || echo none)"
  echo "cc $( { clang --version 2>/dev/null || echo none; } | head -n 1)"
}

# inputs_of NAME FRAMEWORK ARCH: sets AOT_INPUTS["NAME FRAMEWORK ARCH"] to aot_inputs' listing unless this
# command has it already: serve's check before the restore and its publish then hash the sources once.
declare -A AOT_INPUTS=()
inputs_of() {
  [[ -n "${AOT_TOOLCHAIN:-}" ]] || AOT_TOOLCHAIN="$(aot_toolchain)"
  [[ -n "${AOT_INPUTS["$1 $2 $3"]+set}" ]] || AOT_INPUTS["$1 $2 $3"]="$(aot_inputs "$1" "$2" "$3")"
}

# reusable_publish OUT INPUTS: true when OUT/bootstrap is the binary a publish of exactly INPUTS (a listing
# from aot_inputs) wrote: OUT/bootstrap.inputs records that listing and the bootstrap's own hash.
reusable_publish() {
  local out="$1" inputs="$2"
  [[ -x "$out/bootstrap" && -f "$out/bootstrap.inputs" ]] || return 1
  [[ "$(cat "$out/bootstrap.inputs")" == "$inputs"$'\n'"bootstrap $(sha256sum <"$out/bootstrap" | cut -c1-64)" ]]
}

# publish_all FRAMEWORK ARCH [reuse]: AOT-publishes every function into
# $(functions_dir FRAMEWORK ARCH)/<name>/bootstrap. With reuse, a function whose inputs (aot_inputs) are
# those of the binary already there keeps it; without, every function is published again.
publish_all() {
  local framework="$1" arch="$2" reuse="${3:-}" name out short stale=()
  local -A inputs=()
  for name in $(function_names); do
    out="$(functions_dir "$framework" "$arch")/$name"
    inputs_of "$name" "$framework" "$arch"
    inputs[$name]="${AOT_INPUTS["$name $framework $arch"]}"
    short="$(printf '%s' "${inputs[$name]}" | sha256sum | cut -c1-12)"
    if [[ "$reuse" == reuse ]] && reusable_publish "$out" "${inputs[$name]}"; then
      log "AOT publish: $name unchanged (inputs $short), reused"
      continue
    fi
    stale+=("$name")
    # Gone first: a publish that fails half-way must not leave a stamp beside a binary it did not write.
    rm -f "$out/bootstrap.inputs"
  done
  [[ ${#stale[@]} -gt 0 ]] || return 0
  log "AOT publish: ${stale[*]} ($framework, linux-$arch, warnings are errors)"
  publish_functions "$framework" "$arch" "${stale[@]}"
  for name in "${stale[@]}"; do
    out="$(functions_dir "$framework" "$arch")/$name"
    printf '%s\nbootstrap %s\n' "${inputs[$name]}" "$(sha256sum <"$out/bootstrap" | cut -c1-64)" >"$out/bootstrap.inputs"
  done
}
