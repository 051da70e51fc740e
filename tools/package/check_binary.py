#!/usr/bin/env python3
"""Post-build checks on a Native AOT `bootstrap` before it is zipped for provided.al2023.

Usage: check_binary.py --arch arm64|x64 [--max-glibc 2.34] PATH [PATH ...]

Each PATH must be a 64-bit little-endian ELF that
  * is built for the requested machine (EM_AARCH64 for arm64, EM_X86_64 for x64): a binary of the
    wrong architecture uploads fine and only fails when Lambda executes it;
  * requires no GLIBC_x.y symbol version newer than --max-glibc (2.34 is Amazon Linux 2023's glibc):
    AOT binaries linked on a newer distro pick up e.g. fmod@GLIBC_2.38 and die at start with
    "version `GLIBC_2.38' not found";
  * has no DT_NEEDED entry on libicu*: the Lambda OS image has no ICU, and the project builds with
    InvariantGlobalization, so a dependency on it means the build settings were lost;
  * is stripped: no .symtab and no .debug_* / .zdebug_* / .gnu_debugdata section. Symbols double the
    zip and slow the cold-start download. (.gnu_debuglink, a 20-byte pointer, is fine.)

The ELF is read directly (section headers, .dynamic, .dynsym, .gnu.version, .gnu.version_r), so the
check works for either architecture on any host and names the offending symbols, which
`readelf -V` alone does not. Exit status: 0 all checks pass, 1 a check failed (each failure is
printed with the binary's path), 2 bad usage.
"""
import argparse
import re
import struct
import sys

MACHINES = {"x64": (62, "x86-64"), "arm64": (183, "AArch64")}
MACHINE_NAMES = {62: "x86-64", 183: "AArch64", 3: "i386", 40: "ARM", 243: "RISC-V"}

SHT_SYMTAB = 2
SHT_NOBITS = 8
SHT_DYNAMIC = 6
SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
SHN_UNDEF = 0
SHN_XINDEX = 0xFFFF
DT_NULL = 0
DT_NEEDED = 1

GLIBC_VERSION = re.compile(r"^GLIBC_(\d+(?:\.\d+)*)$")
# How many offending symbols to list per failure before summarising the rest.
MAX_LISTED = 15


class ElfError(Exception):
    """The file is not an ELF this checker can read (the message says why)."""


def parse_version(text):
    """'2.34' -> (2, 34); raises ValueError on anything else."""
    if not re.fullmatch(r"\d+(\.\d+)*", text):
        raise ValueError(f"not a version: {text!r}")
    return tuple(int(part) for part in text.split("."))


def version_sort_key(name):
    """Sorts GLIBC_2.9 before GLIBC_2.34; anything else (GLIBC_PRIVATE) last."""
    match = GLIBC_VERSION.match(name)
    return (0, parse_version(match.group(1))) if match else (1, name)


class Elf:
    """The few parts of a 64-bit little-endian ELF that the checks need."""

    def __init__(self, data):
        self.data = data
        if len(data) < 64 or data[:4] != b"\x7fELF":
            raise ElfError("not an ELF file")
        if data[4] != 2:
            raise ElfError("not a 64-bit ELF (EI_CLASS is not ELFCLASS64)")
        if data[5] != 1:
            raise ElfError("not a little-endian ELF")
        (_, _, self.machine, _, _, _, shoff, _, _, _, _, shentsize, shnum, shstrndx) = self._unpack(
            "<16sHHIQQQIHHHHHH", 0
        )
        if shoff == 0:
            raise ElfError("no section headers: cannot verify symbols and sections")
        if shentsize != 64:
            raise ElfError(f"unexpected section header size {shentsize}")
        # With 0xff00 or more sections the real count and string-table index live in section 0.
        first = self._section_header(shoff, 0)
        if shnum == 0:
            shnum = first["size"]
        if shstrndx == SHN_XINDEX:
            shstrndx = first["link"]
        if shnum > 1_000_000:
            raise ElfError("implausible section count")
        self.sections = [self._section_header(shoff, i) for i in range(shnum)]
        if not 0 <= shstrndx < shnum:
            raise ElfError("section name table index out of range")
        names = self.sections[shstrndx]
        for section in self.sections:
            section["name"] = self._string(names, section["name_offset"])

    def _unpack(self, fmt, offset):
        try:
            return struct.unpack_from(fmt, self.data, offset)
        except struct.error as exc:
            raise ElfError(f"truncated ELF (reading {struct.calcsize(fmt)} bytes at {offset:#x})") from exc

    def _section_header(self, shoff, index):
        (name, kind, _, _, offset, size, link, info, _, entsize) = self._unpack(
            "<IIQQQQIIQQ", shoff + index * 64
        )
        return {"name_offset": name, "type": kind, "offset": offset, "size": size,
                "link": link, "info": info, "entsize": entsize}

    def _bytes(self, section):
        if section["type"] == SHT_NOBITS:
            return b""
        end = section["offset"] + section["size"]
        if end > len(self.data):
            raise ElfError(f"section {section.get('name', '?')} extends past the end of the file")
        return self.data[section["offset"]:end]

    def _string(self, strtab, offset):
        blob = self._bytes(strtab)
        if offset >= len(blob) and offset != 0:
            raise ElfError("string offset out of range")
        end = blob.find(b"\0", offset)
        return blob[offset:end if end >= 0 else len(blob)].decode("utf-8", "replace")

    def _linked(self, section):
        if not 0 <= section["link"] < len(self.sections):
            raise ElfError(f"section {section['name']} links to a missing section")
        return self.sections[section["link"]]

    def section_names(self):
        return [s["name"] for s in self.sections]

    def has_section_type(self, kind):
        return any(s["type"] == kind for s in self.sections)

    def needed(self):
        """DT_NEEDED sonames, in order."""
        result = []
        for section in self.sections:
            if section["type"] != SHT_DYNAMIC:
                continue
            strtab = self._linked(section)
            blob = self._bytes(section)
            for pos in range(0, len(blob) - 15, 16):
                tag, value = struct.unpack_from("<qQ", blob, pos)
                if tag == DT_NULL:
                    break
                if tag == DT_NEEDED:
                    result.append(self._string(strtab, value))
        return result

    def version_needs(self):
        """{version index: (library, version name)} from .gnu.version_r."""
        result = {}
        for section in self.sections:
            if section["type"] != SHT_GNU_VERNEED:
                continue
            strtab = self._linked(section)
            blob = self._bytes(section)
            pos = 0
            for _ in range(section["info"]):  # sh_info = number of Verneed entries
                try:
                    _, count, file_off, aux, nxt = struct.unpack_from("<HHIII", blob, pos)
                except struct.error as exc:
                    raise ElfError("truncated .gnu.version_r") from exc
                library = self._string(strtab, file_off)
                apos = pos + aux
                for _ in range(count):
                    try:
                        _, _, other, name_off, anext = struct.unpack_from("<IHHII", blob, apos)
                    except struct.error as exc:
                        raise ElfError("truncated .gnu.version_r") from exc
                    result[other] = (library, self._string(strtab, name_off))
                    if anext == 0:
                        break
                    apos += anext
                if nxt == 0:
                    break
                pos += nxt
        return result

    def imported_symbol_versions(self):
        """[(symbol, version index)] for undefined .dynsym symbols that carry a version."""
        dynsym = next((s for s in self.sections if s["type"] == SHT_DYNSYM), None)
        versym = next((s for s in self.sections if s["type"] == SHT_GNU_VERSYM), None)
        if dynsym is None or versym is None:
            return []
        strtab = self._linked(dynsym)
        symbols = self._bytes(dynsym)
        versions = self._bytes(versym)
        result = []
        for index in range(len(symbols) // 24):
            name_off, _, _, shndx, _, _ = struct.unpack_from("<IBBHQQ", symbols, index * 24)
            if shndx != SHN_UNDEF or 2 * index + 2 > len(versions):
                continue
            version = struct.unpack_from("<H", versions, 2 * index)[0] & 0x7FFF  # bit 15 = hidden
            if version > 1:  # 0 = local, 1 = global (unversioned)
                result.append((self._string(strtab, name_off), version))
        return result


def check(path, arch, max_glibc):
    """Returns (failures, summary): failures is a list of messages, empty when the binary passes."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return [f"cannot read: {exc.strerror}"], ""
    try:
        elf = Elf(data)
        failures = []
        expected_machine, expected_name = MACHINES[arch]
        if elf.machine != expected_machine:
            actual = MACHINE_NAMES.get(elf.machine, f"e_machine {elf.machine}")
            failures.append(f"built for {actual}, expected {expected_name} (--arch {arch})")

        needs = elf.version_needs()
        offending = {}  # version index -> (library, version name)
        highest = None
        for index, (library, name) in needs.items():
            if name == "GLIBC_PRIVATE":
                offending[index] = (library, name)
                continue
            match = GLIBC_VERSION.match(name)
            if not match:
                continue
            version = parse_version(match.group(1))
            highest = max(highest, version) if highest else version
            if version > max_glibc:
                offending[index] = (library, name)
        if offending:
            symbols = sorted(
                f"{symbol}@{offending[index][1]} ({offending[index][0]})"
                for symbol, index in elf.imported_symbol_versions() if index in offending
            )
            versions = sorted({name for _, name in offending.values()}, key=version_sort_key)
            limit = ".".join(map(str, max_glibc))
            message = (f"requires {', '.join(versions)}, newer than the allowed GLIBC_{limit} "
                       "(provided.al2023 has glibc 2.34; build in the AL2023 container)")
            if symbols:
                listed = symbols[:MAX_LISTED]
                more = f" ... and {len(symbols) - MAX_LISTED} more" if len(symbols) > MAX_LISTED else ""
                message += ": " + ", ".join(listed) + more
            failures.append(message)

        needed = elf.needed()
        icu = [lib for lib in needed if lib.startswith("libicu")]
        if icu:
            failures.append(f"depends on ICU ({', '.join(icu)}): Lambda has no ICU; keep InvariantGlobalization")

        unstripped = [name for name in elf.section_names()
                      if name == ".symtab" or name.startswith((".debug", ".zdebug")) or name == ".gnu_debugdata"]
        if elf.has_section_type(SHT_SYMTAB) and ".symtab" not in unstripped:
            unstripped.insert(0, "SHT_SYMTAB section")
        if unstripped:
            failures.append(f"not stripped: has section(s) {', '.join(unstripped)}")

        glibc = "GLIBC_" + ".".join(map(str, highest)) if highest else "no GLIBC versions"
        summary = f"{MACHINE_NAMES.get(elf.machine, elf.machine)}, max {glibc}, NEEDED {' '.join(needed) or '-'}, stripped"
        return failures, summary
    except ElfError as exc:
        return [str(exc)], ""


def main(argv=None):
    parser = argparse.ArgumentParser(description="Checks AOT bootstrap binaries before they are zipped for Lambda.")
    parser.add_argument("--arch", required=True, choices=sorted(MACHINES), help="the Lambda architecture")
    parser.add_argument("--max-glibc", default="2.34", help="newest GLIBC symbol version allowed (default 2.34, AL2023)")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    args = parser.parse_args(argv)
    try:
        max_glibc = parse_version(args.max_glibc)
    except ValueError as exc:
        parser.error(str(exc))

    failed = 0
    for path in args.paths:
        failures, summary = check(path, args.arch, max_glibc)
        if failures:
            failed += 1
            for failure in failures:
                print(f"FAIL {path}: {failure}", file=sys.stderr)
        else:
            print(f"ok   {path}: {summary}")
    if failed:
        print(f"check_binary: {failed} of {len(args.paths)} binaries failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
