"""Tests of shared/Campaigns.Lambda/Native/prefault.c, the start-up code linked into every bootstrap:
compiled into a small C program (bss_rss.c, beside this file) with the same flags as the build, it must make the
program's zero-filled memory resident before main runs; without it the same memory stays unbacked."""
import ctypes
import mmap
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PREFAULT = os.path.join(REPO, "shared", "Campaigns.Lambda", "Native", "prefault.c")
HARNESS = os.path.join(HERE, "bss_rss.c")
# The flags Directory.Build.props compiles prefault.c with.
FLAGS = ["-O2", "-fPIE", "-Wall", "-Wextra", "-Werror"]
MADV_POPULATE_WRITE = 23


def compiler():
    return next((c for c in (os.environ.get("CC"), "clang", "gcc", "cc") if c and shutil.which(c)), None)


def kernel_populates():
    """MADV_POPULATE_WRITE exists from Linux 5.14; older kernels answer EINVAL."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    page = mmap.mmap(-1, mmap.PAGESIZE)
    try:
        address = ctypes.addressof(ctypes.c_char.from_buffer(page))
        return libc.madvise(address, mmap.PAGESIZE, MADV_POPULATE_WRITE) == 0
    finally:
        page.close()


class Prefault(unittest.TestCase):
    def setUp(self):
        self.cc = compiler()
        if self.cc is None:
            self.skipTest("no C compiler (the AOT build needs one too)")
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def resident(self, *sources):
        """(resident KiB, size KiB) of the harness's 8 MiB zero-filled array when main starts."""
        binary = os.path.join(self.dir, "harness")
        subprocess.run([self.cc, *FLAGS, "-pie", "-o", binary, *sources], check=True)
        out = subprocess.run([binary], check=True, capture_output=True, text=True).stdout.split()
        self.assertEqual(len(out), 2, f"harness printed {out}")
        return int(out[0]), int(out[1])

    def test_WithPrefault_ZeroFilledMemoryIsResidentBeforeMain(self):
        if not kernel_populates():
            self.skipTest("kernel older than 5.14: MADV_POPULATE_WRITE is not available, prefault.c does nothing")
        resident, size = self.resident(HARNESS, PREFAULT)
        self.assertGreaterEqual(resident, size)

    def test_WithoutPrefault_ZeroFilledMemoryIsNotResident(self):
        resident, size = self.resident(HARNESS)
        self.assertLess(resident, size // 8)


if __name__ == "__main__":
    unittest.main()
