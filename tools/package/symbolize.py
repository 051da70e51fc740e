#!/usr/bin/env python3
"""Resolves the stack frames of a function's log, printed as bootstrap!<BaseAddress>+0xOFFSET because
the functions are built without stack-trace metadata, against the bootstrap.dbg of the same build
(kept in artifacts/<arch>/symbols/<function>.dbg). Reads the log on stdin, writes it to stdout with
each frame followed by its method and source line; everything else passes through unchanged.

    python3 symbolize.py artifacts/arm64/symbols/get_campaign.dbg < log.txt
"""
import re
import shutil
import subprocess
import sys

FRAME = re.compile(r"bootstrap!<BaseAddress>\+0x([0-9a-fA-F]+)")


def offsets(text):
    """Every distinct frame offset in the text, in order of first appearance."""
    seen = []
    for match in FRAME.finditer(text):
        offset = match.group(1).lower()
        if offset not in seen:
            seen.append(offset)
    return seen


def annotate(text, names):
    """Appends ' [method at file:line]' to each frame whose offset has a name."""
    def replace(match):
        name = names.get(match.group(1).lower())
        return match.group(0) if name is None else f"{match.group(0)} [{name}]"
    return FRAME.sub(replace, text)


def resolve(debug_file, wanted, addr2line="addr2line"):
    """Asks addr2line for each offset: NativeAOT images are position independent, so an offset from
    the base address is the address in the symbol file."""
    if not wanted:
        return {}
    out = subprocess.run([addr2line, "-f", "-C", "-e", debug_file, *("0x" + o for o in wanted)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    names = {}
    for i, offset in enumerate(wanted):
        function, location = out[2 * i], out[2 * i + 1]
        if function != "??":
            names[offset] = function if location.startswith("??") else f"{function} at {location}"
    return names


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    if shutil.which("addr2line") is None:
        print("symbolize: addr2line (binutils) is not installed", file=sys.stderr)
        return 1
    text = sys.stdin.read()
    sys.stdout.write(annotate(text, resolve(argv[0], offsets(text))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
