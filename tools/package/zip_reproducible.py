#!/usr/bin/env python3
"""Zips one Lambda bootstrap so that identical input bytes give an identical zip.

Usage: zip_reproducible.py OUT.zip FILE [--entry-name bootstrap]

The zip holds a single entry, `bootstrap`, at its root (what provided.al2023 executes), whatever
FILE is called. Everything that `zip` would take from the file system is fixed instead:
  * timestamp 1980-01-01 00:00:00, the earliest a zip can store (no mtime leaks in);
  * Unix "made by" (create_system 3) with mode -rwxr-xr-x in the external attributes, so Lambda
    can execute the file whatever the permissions or umask of the machine that built it;
  * no extra fields (no uid/gid, no extended timestamps), no comment, no data descriptor;
  * deflate at level 9 through Python's zlib: same input, same zlib, same bytes. (A different
    zlib build could in principle compress differently; build.sh and CI zip with the Python on
    the machine that runs the packaging, outside the build container.)
The zip is written next to OUT.zip and renamed into place, so a failed run never leaves half a zip.
Prints "OUT.zip SIZE SHA256". Exit status 1 when FILE cannot be read.
"""
import argparse
import hashlib
import os
import stat
import sys
import tempfile
import zipfile

FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
UNIX = 3
EXECUTABLE_MODE = stat.S_IFREG | 0o755
COMPRESS_LEVEL = 9


def write_zip(out_path, data, entry_name="bootstrap"):
    """Writes `data` as the single entry `entry_name` of a reproducible zip at `out_path`."""
    info = zipfile.ZipInfo(entry_name, date_time=FIXED_DATE_TIME)
    info.create_system = UNIX
    info.external_attr = EXECUTABLE_MODE << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    directory = os.path.dirname(os.path.abspath(out_path))
    os.makedirs(directory, exist_ok=True)
    handle, temp_path = tempfile.mkstemp(prefix=".zip-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
        os.chmod(temp_path, 0o644)  # mkstemp makes 0600; a zip is not a secret
        os.replace(temp_path, out_path)
    except BaseException:
        if os.path.exists(temp_path):
            os.unlink(temp_path)
        raise


def main(argv=None):
    parser = argparse.ArgumentParser(description="Reproducible single-entry zip for a Lambda bootstrap.")
    parser.add_argument("out", metavar="OUT.zip")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--entry-name", default="bootstrap", help="name inside the zip (default bootstrap)")
    args = parser.parse_args(argv)
    if os.path.exists(args.file) and not os.path.isfile(args.file):
        print(f"zip_reproducible: {args.file} is not a regular file", file=sys.stderr)
        return 1
    try:
        with open(args.file, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        print(f"zip_reproducible: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    write_zip(args.out, data, args.entry_name)
    with open(args.out, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    print(f"{args.out} {os.path.getsize(args.out)} {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
