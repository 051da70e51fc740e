"""Tests of check_binary.py on small binaries built here with cc, and on byte-patched copies of them.

Patching a real binary (e_machine, a version string in .dynstr, EI_CLASS) gives failing inputs that
do not depend on which glibc or cross-compiler this machine has.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the work tree
PACKAGE = os.path.abspath(os.path.join(HERE, "..", "..", "tools", "package"))
sys.path.insert(0, PACKAGE)
import check_binary  # noqa: E402

SCRIPT = os.path.join(PACKAGE, "check_binary.py")
CC = shutil.which("cc") or shutil.which("gcc")
READELF = shutil.which("readelf")
IS_X64_LINUX = sys.platform.startswith("linux") and os.uname().machine == "x86_64"
HOST_ARCH = {"x86_64": "x64", "aarch64": "arm64"}.get(os.uname().machine)


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


def host_glibc():
    try:
        text = subprocess.run(["ldd", "--version"], capture_output=True, text=True).stdout
    except OSError:
        return None
    match = re.search(r"(\d+)\.(\d+)\s*$", text.splitlines()[0]) if text else None
    return (int(match.group(1)), int(match.group(2))) if match else None


@unittest.skipUnless(CC and HOST_ARCH, "needs a C compiler on an x64 or arm64 Linux host")
class CompiledBinaries(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="check-binary-")
        cls.hello_c = cls.write("hello.c", "int main(void) { return 0; }\n")
        cls.stripped = cls.cc("stripped", cls.hello_c, "-s")
        cls.unstripped = cls.cc("unstripped", cls.hello_c)
        cls.debug = cls.cc("debug", cls.hello_c, "-g")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def write(cls, name, text):
        path = os.path.join(cls.tmp, name)
        with open(path, "w") as handle:
            handle.write(text)
        return path

    @classmethod
    def cc(cls, name, source, *flags):
        out = os.path.join(cls.tmp, name)
        subprocess.run([CC, "-O1", *flags, "-o", out, source], check=True, capture_output=True)
        return out

    def patched(self, source, name, patch):
        """A copy of `source` with patch(bytearray) applied."""
        with open(source, "rb") as handle:
            data = bytearray(handle.read())
        patch(data)
        out = os.path.join(self.tmp, name)
        with open(out, "wb") as handle:
            handle.write(data)
        return out

    def test_stripped_binary_passes(self):
        result = run("--arch", HOST_ARCH, self.stripped)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("ok", result.stdout)
        self.assertIn("stripped", result.stdout)

    def test_wrong_architecture_fails_naming_both(self):
        other = "arm64" if HOST_ARCH == "x64" else "x64"
        result = run("--arch", other, self.stripped)
        self.assertEqual(result.returncode, 1)
        self.assertIn(self.stripped, result.stderr)
        self.assertRegex(result.stderr, r"built for (x86-64|AArch64), expected")

    def test_patched_machine_is_read_from_the_header(self):
        machine = 183 if HOST_ARCH == "x64" else 62
        target = "arm64" if HOST_ARCH == "x64" else "x64"
        path = self.patched(self.stripped, "machine", lambda d: struct.pack_into("<H", d, 18, machine))
        self.assertEqual(run("--arch", target, path).returncode, 0)
        self.assertEqual(run("--arch", HOST_ARCH, path).returncode, 1)

    def test_symtab_fails_as_not_stripped(self):
        result = run("--arch", HOST_ARCH, self.unstripped)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"FAIL {self.unstripped}: not stripped", result.stderr)
        self.assertIn(".symtab", result.stderr)

    def test_debug_sections_fail(self):
        result = run("--arch", HOST_ARCH, self.debug)
        self.assertEqual(result.returncode, 1)
        self.assertIn(".debug_info", result.stderr)

    def test_glibc_newer_than_the_limit_fails_naming_the_symbol(self):
        # Rename the version GLIBC_2.34 (or the newest one the binary has) to GLIBC_2.99 in .dynstr.
        needs = check_binary.Elf(open(self.stripped, "rb").read()).version_needs()
        newest = max((n for _, n in needs.values() if n.startswith("GLIBC_2.")),
                     key=check_binary.version_sort_key)
        replacement = ("GLIBC_2.99" + "9" * len(newest))[:len(newest)]

        def patch(data):
            at = data.find(newest.encode() + b"\0")
            self.assertGreater(at, 0)
            data[at:at + len(newest)] = replacement.encode()

        path = self.patched(self.stripped, "newglibc", patch)
        result = run("--arch", HOST_ARCH, path)
        self.assertEqual(result.returncode, 1)
        self.assertIn(path, result.stderr)
        self.assertIn(f"requires {replacement}", result.stderr)
        self.assertRegex(result.stderr, rf"\w+@{re.escape(replacement)} \(lib")

    def test_max_glibc_option(self):
        self.assertEqual(run("--arch", HOST_ARCH, "--max-glibc", "2.0", self.stripped).returncode, 1)
        self.assertEqual(run("--arch", HOST_ARCH, "--max-glibc", "9.99", self.stripped).returncode, 0)
        self.assertEqual(run("--arch", HOST_ARCH, "--max-glibc", "two", self.stripped).returncode, 2)

    @unittest.skipUnless((host_glibc() or (0, 0)) >= (2, 36), "arc4random needs glibc 2.36")
    def test_real_glibc_2_36_symbol_is_named(self):
        source = self.write("arc4.c", "#include <stdlib.h>\nint main(void) { return (int)(arc4random() & 1); }\n")
        path = self.cc("arc4", source, "-s")
        result = run("--arch", HOST_ARCH, path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("arc4random@GLIBC_2.36 (libc.so.6)", result.stderr)

    def test_libicu_dependency_fails(self):
        lib_c = self.write("icu.c", "int icu_stub(void) { return 1; }\n")
        lib = os.path.join(self.tmp, "libicuuc.so.74")
        subprocess.run([CC, "-shared", "-fPIC", "-Wl,-soname,libicuuc.so.74", "-o", lib, lib_c],
                       check=True, capture_output=True)
        main_c = self.write("uses_icu.c", "int icu_stub(void);\nint main(void) { return icu_stub(); }\n")
        exe = os.path.join(self.tmp, "uses_icu")
        subprocess.run([CC, "-s", "-o", exe, main_c, "-Wl,--no-as-needed", lib], check=True, capture_output=True)
        result = run("--arch", HOST_ARCH, exe)
        self.assertEqual(result.returncode, 1)
        self.assertIn("depends on ICU (libicuuc.so.74)", result.stderr)

    def test_several_paths_report_each_failure(self):
        result = run("--arch", HOST_ARCH, self.stripped, self.unstripped)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"ok   {self.stripped}", result.stdout)
        self.assertIn(f"FAIL {self.unstripped}", result.stderr)
        self.assertIn("1 of 2 binaries failed", result.stderr)

    def test_32_bit_elf_is_rejected(self):
        path = self.patched(self.stripped, "class32", lambda d: d.__setitem__(4, 1))
        result = run("--arch", HOST_ARCH, path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not a 64-bit ELF", result.stderr)

    def test_truncated_elf_fails_cleanly(self):
        with open(self.stripped, "rb") as handle:
            head = handle.read(200)
        path = os.path.join(self.tmp, "truncated")
        with open(path, "wb") as handle:
            handle.write(head)
        result = run("--arch", HOST_ARCH, path)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"FAIL {path}", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    @unittest.skipUnless(READELF, "needs readelf")
    def test_highest_glibc_agrees_with_readelf(self):
        for path in [self.stripped, self.unstripped, "/bin/true", "/bin/ls"]:
            if not os.path.exists(path):
                continue
            with self.subTest(path=path):
                text = subprocess.run([READELF, "-V", "--wide", path], capture_output=True, text=True).stdout
                section = text.split(".gnu.version_r", 1)[1] if ".gnu.version_r" in text else ""
                theirs = {m for m in re.findall(r"Name: (GLIBC_[0-9.]+)", section)}
                needs = check_binary.Elf(open(path, "rb").read()).version_needs()
                ours = {n for _, n in needs.values() if check_binary.GLIBC_VERSION.match(n)}
                self.assertEqual(ours, theirs)


class NotElf(unittest.TestCase):
    def test_text_file_fails(self):
        with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as handle:
            handle.write("#!/bin/sh\necho hi\n")
        try:
            result = run("--arch", "x64", handle.name)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"FAIL {handle.name}: not an ELF file", result.stderr)
        finally:
            os.unlink(handle.name)

    def test_missing_file_fails(self):
        result = run("--arch", "arm64", "/nonexistent/bootstrap")
        self.assertEqual(result.returncode, 1)
        self.assertIn("FAIL /nonexistent/bootstrap: cannot read", result.stderr)

    def test_unknown_arch_is_a_usage_error(self):
        self.assertEqual(run("--arch", "riscv", "/bin/true").returncode, 2)


@unittest.skipUnless(IS_X64_LINUX and os.path.exists("/bin/true"), "needs an x64 Linux /bin/true")
class SystemBinary(unittest.TestCase):
    def test_system_true_is_a_stripped_x64_elf(self):
        result = run("--arch", "x64", "--max-glibc", "9.0", "/bin/true")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("x86-64", result.stdout)


if __name__ == "__main__":
    unittest.main()
