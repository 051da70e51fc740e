#!/usr/bin/env python3
"""Zips one Lambda bootstrap so that identical input bytes give an identical zip.

Usage: zip_reproducible.py OUT.zip FILE [--entry-name bootstrap]

The zip holds a single entry, `bootstrap`, at its root (what provided.al2023 executes), whatever
FILE is called. Everything that `zip` would take from the file system is fixed instead:
  * timestamp 1980-01-01 00:00:00, the earliest a zip can store (no mtime leaks in);
  * Unix "made by" (create_system 3) with mode -rwxr-xr-x in the external attributes, so Lambda
    can execute the file whatever the permissions or umask of the machine that built it;
  * no extra fields (no uid/gid, no extended timestamps), no comment, no data descriptor;
  * deflate from 7-Zip's encoder (`7zz`, or `7z`, at -mx=9) when it is on PATH: smaller than
    zlib's level 9 on our binaries (figures in docs/performance.md), and the zip budget counts those
    bytes. Without it, or with --compressor zlib, Python's zlib at level 9. Either way the same
    input and the same compressor give the same bytes; the line printed names the compressor.
    7-Zip's own zip is used only for its deflate stream: Python's zipfile cannot store an
    already-compressed stream, so this script writes the archive's records itself.
The zip is written next to OUT.zip and renamed into place, so a failed run never leaves half a zip.
Prints "OUT.zip SIZE SHA256 COMPRESSOR". Exit status 1 when FILE cannot be read or 7-Zip fails.
"""
import argparse
import hashlib
import io
import os
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
UNIX = 3
EXECUTABLE_MODE = stat.S_IFREG | 0o755
COMPRESS_LEVEL = 9


SEVEN_ZIP_NAMES = ("7zz", "7z")
# 1980-01-01 00:00:00 in MS-DOS form: time 0, date (year - 1980) << 9 | month << 5 | day.
DOS_TIME, DOS_DATE = 0, (1 << 5) | 1
VERSION_NEEDED = 20  # 2.0: deflate
DEFLATED = 8


class CompressorError(Exception):
    pass


def seven_zip():
    """The 7-Zip command on PATH, or None."""
    for name in SEVEN_ZIP_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def deflate_zlib(data):
    compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def deflate_7zip(data, command):
    """7-Zip's deflate stream of `data`, taken from the single entry of a zip it writes; None when it would store it."""
    with tempfile.TemporaryDirectory(prefix="zip-7z-") as work:
        source = os.path.join(work, "entry")
        with open(source, "wb") as handle:
            handle.write(data)
        archive_path = os.path.join(work, "out.zip")
        result = subprocess.run([command, "a", "-tzip", "-mx=9", "-mmt=1", archive_path, source],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise CompressorError(f"{command} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
        with open(archive_path, "rb") as handle, zipfile.ZipFile(handle) as archive:
            (info,) = archive.infolist()
            if info.compress_type != DEFLATED:
                return None  # 7-Zip stores what deflate cannot shrink (tiny inputs)
            if info.flag_bits & 1:
                raise CompressorError(f"{command} wrote an encrypted entry")
            handle.seek(info.header_offset)
            header = handle.read(30)
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            handle.seek(info.header_offset + 30 + name_length + extra_length)
            return handle.read(info.compress_size)


def deflate(data, compressor):
    if compressor == "zlib":
        return deflate_zlib(data), "zlib"
    command = seven_zip()
    if command is None:
        if compressor == "7zip":
            raise CompressorError("7-Zip (7zz or 7z) is not on PATH: apt-get install 7zip, or pass --compressor zlib")
        return deflate_zlib(data), "zlib"
    stream = deflate_7zip(data, command)
    return (stream, "7zip") if stream is not None else (deflate_zlib(data), "zlib")


def zip_bytes(data, entry_name, stream):
    """One stored-metadata-free zip: local header, deflate stream, central directory, end record."""
    name = entry_name.encode("utf-8")
    crc = zlib.crc32(data)
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", VERSION_NEEDED, 0, DEFLATED, DOS_TIME, DOS_DATE,
                        crc, len(stream), len(data), len(name), 0) + name
    central = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", (UNIX << 8) | VERSION_NEEDED, VERSION_NEEDED, 0,
                          DEFLATED, DOS_TIME, DOS_DATE, crc, len(stream), len(data), len(name), 0, 0, 0, 0,
                          EXECUTABLE_MODE << 16, 0) + name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local) + len(stream), 0)
    return local + stream + central + end


def write_zip(out_path, data, entry_name="bootstrap", compressor="auto"):
    """Writes `data` as the single entry `entry_name` of a reproducible zip at `out_path`; returns the compressor used."""
    stream, used = deflate(data, compressor)
    content = zip_bytes(data, entry_name, stream)
    with zipfile.ZipFile(io.BytesIO(content)) as check:
        if check.read(entry_name) != data:
            raise CompressorError(f"the {used} stream does not inflate back to the input")
    directory = os.path.dirname(os.path.abspath(out_path))
    os.makedirs(directory, exist_ok=True)
    handle, temp_path = tempfile.mkstemp(prefix=".zip-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as raw:
            raw.write(content)
        os.chmod(temp_path, 0o644)  # mkstemp makes 0600; a zip is not a secret
        os.replace(temp_path, out_path)
    except BaseException:
        if os.path.exists(temp_path):
            os.unlink(temp_path)
        raise
    return used


def main(argv=None):
    parser = argparse.ArgumentParser(description="Reproducible single-entry zip for a Lambda bootstrap.")
    parser.add_argument("out", metavar="OUT.zip")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--entry-name", default="bootstrap", help="name inside the zip (default bootstrap)")
    parser.add_argument("--compressor", choices=("auto", "7zip", "zlib"), default="auto",
                        help="deflate encoder: 7-Zip's when on PATH (auto, the default), 7-Zip or fail, or zlib")
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
    try:
        used = write_zip(args.out, data, args.entry_name, args.compressor)
    except CompressorError as exc:
        print(f"zip_reproducible: {exc}", file=sys.stderr)
        return 1
    with open(args.out, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    print(f"{args.out} {os.path.getsize(args.out)} {digest} {used}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
