#!/usr/bin/env python3
"""Writes artifacts/<arch>/manifest.json: what was packaged, from which commit, with which checksums.

Usage: manifest.py --arch arm64|x64 --framework net10.0 [--builder container|host|cross]
                   [--dir artifacts/<arch>] [--functions functions/functions.json]
                   [--commit SHA] [--repo DIR]

The function list comes from the function table, the single source of truth: every function must
have <dir>/<name>.zip, and a zip that is not in the table is an error too (deploys upload
artifacts/<arch>/*.zip, so a stale zip from a removed function must not ride along). Each zip must
hold exactly one entry, `bootstrap`, as zip_reproducible.py makes it.

The manifest has no timestamp and lists functions sorted by name, so two packages of the same
commit produce the same manifest byte for byte; promotion compares its sha256 and the per-zip
sha256 values to prove SIT and PROD get exactly what DEV ran.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMA_VERSION = 1


class ManifestError(Exception):
    pass


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout.strip()


def commit_of(repo):
    """(sha, dirty) of the checkout; dirty means tracked files differ from that commit."""
    try:
        sha = git(repo, "rev-parse", "HEAD")
        dirty = bool(git(repo, "status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ManifestError(f"cannot read the git commit of {repo} ({exc}); pass --commit") from exc
    return sha, dirty


def bootstrap_of(zip_path):
    """sha256 and size of the single `bootstrap` entry; raises ManifestError for any other layout."""
    try:
        with zipfile.ZipFile(zip_path) as archive:
            names = archive.namelist()
            if names != ["bootstrap"]:
                raise ManifestError(f"{zip_path} must hold exactly one entry 'bootstrap', holds {names}")
            data = archive.read("bootstrap")
    except zipfile.BadZipFile as exc:
        raise ManifestError(f"{zip_path} is not a valid zip: {exc}") from exc
    return hashlib.sha256(data).hexdigest(), len(data)


def build_manifest(directory, names, arch, framework, commit, dirty, builder):
    present = sorted(f[:-4] for f in os.listdir(directory) if f.endswith(".zip"))
    missing = sorted(set(names) - set(present))
    extra = sorted(set(present) - set(names))
    if missing:
        raise ManifestError(f"missing zip(s) in {directory}: {', '.join(n + '.zip' for n in missing)}")
    if extra:
        raise ManifestError(
            f"zip(s) in {directory} that are not in the function table: {', '.join(n + '.zip' for n in extra)}"
            " (delete them or package from a clean folder)")
    functions = []
    for name in sorted(names):
        path = os.path.join(directory, f"{name}.zip")
        bootstrap_sha256, bootstrap_size = bootstrap_of(path)
        functions.append({
            "name": name,
            "file": f"{name}.zip",  # relative to the manifest's own folder
            "sha256": sha256_of(path),
            "size": os.path.getsize(path),
            "bootstrap_sha256": bootstrap_sha256,
            "bootstrap_size": bootstrap_size,
            "framework": framework,
            "architecture": arch,
            "commit": commit,
        })
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "commit": commit,
        "commit_dirty": dirty,
        "architecture": arch,
        "framework": framework,
        "functions": functions,
    }
    if builder:
        manifest["builder"] = builder
    return manifest


def main(argv=None):
    parser = argparse.ArgumentParser(description="Writes the manifest of the packaged Lambda zips.")
    parser.add_argument("--arch", required=True, choices=["arm64", "x64"])
    parser.add_argument("--framework", required=True, help="target framework the zips were built for, e.g. net10.0")
    parser.add_argument("--builder", choices=["container", "host", "cross"],
                        help="where the binaries were compiled (recorded so a deploy can refuse host builds)")
    parser.add_argument("--dir", help="folder with the zips (default artifacts/<arch> under the repository)")
    parser.add_argument("--functions", default=os.path.join(ROOT, "functions", "functions.json"),
                        help="the function table (default functions/functions.json)")
    parser.add_argument("--commit", help="commit to record (default: git rev-parse HEAD of --repo)")
    parser.add_argument("--repo", default=ROOT, help="git checkout to read the commit from (default: this repository)")
    args = parser.parse_args(argv)
    directory = args.dir or os.path.join(ROOT, "artifacts", args.arch)
    try:
        with open(args.functions, encoding="utf-8") as handle:
            names = list(json.load(handle))
        if not names:
            raise ManifestError(f"{args.functions} lists no functions")
        if not os.path.isdir(directory):
            raise ManifestError(f"{directory} does not exist")
        if args.commit:
            commit, dirty = args.commit, False
        else:
            commit, dirty = commit_of(args.repo)
        manifest = build_manifest(directory, names, args.arch, args.framework, commit, dirty, args.builder)
    except (OSError, ValueError, ManifestError) as exc:
        print(f"manifest: {exc}", file=sys.stderr)
        return 1
    out = os.path.join(directory, "manifest.json")
    text = json.dumps(manifest, indent=2) + "\n"
    with open(out + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(out + ".tmp", out)
    print(f"{out} {len(manifest['functions'])} functions, commit {commit[:12]}{' (dirty)' if dirty else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
