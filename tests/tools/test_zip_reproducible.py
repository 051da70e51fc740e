"""Tests of zip_reproducible.py: same bytes in, same zip out, whatever the file's name, time or mode."""
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.abspath(os.path.join(HERE, "..", "..", "tools", "package", "zip_reproducible.py"))
UNZIP = shutil.which("unzip")
SEVEN_ZIP = shutil.which("7zz") or shutil.which("7z")


def run(*args, env=None):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, env=env)


def without_7zip():
    """An environment whose PATH holds python and unzip but no 7-Zip."""
    bin_dir = tempfile.mkdtemp(prefix="zip-path-")
    os.symlink(sys.executable, os.path.join(bin_dir, "python3"))
    return dict(os.environ, PATH=bin_dir)


class ZipReproducible(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="zip-repro-")
        # Compressible and incompressible parts, like a real executable.
        self.payload = b"\x7fELF" + bytes(range(256)) * 64 + os.urandom(4096) + b"\0" * 8192

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def file(self, name, data=None, mode=0o755, mtime=None):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as handle:
            handle.write(self.payload if data is None else data)
        os.chmod(path, mode)
        if mtime is not None:
            os.utime(path, (mtime, mtime))
        return path

    def zip(self, name, source):
        out = os.path.join(self.tmp, name)
        result = run(out, source)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, "rb") as handle:
            return out, handle.read()

    def test_same_input_gives_identical_bytes(self):
        source = self.file("bootstrap")
        _, first = self.zip("a.zip", source)
        _, second = self.zip("b.zip", source)
        self.assertEqual(first, second)

    def test_name_time_and_mode_of_the_input_do_not_matter(self):
        _, first = self.zip("a.zip", self.file("bootstrap", mode=0o755, mtime=1_700_000_000))
        _, second = self.zip("b.zip", self.file("other-name", mode=0o600, mtime=946_684_800))
        self.assertEqual(first, second)

    def test_different_content_gives_different_bytes(self):
        _, first = self.zip("a.zip", self.file("one"))
        _, second = self.zip("b.zip", self.file("two", data=self.payload + b"x"))
        self.assertNotEqual(first, second)

    def test_single_bootstrap_entry_with_fixed_metadata(self):
        out, _ = self.zip("a.zip", self.file("whatever", mode=0o644))
        with zipfile.ZipFile(out) as archive:
            infos = archive.infolist()
            self.assertEqual([i.filename for i in infos], ["bootstrap"])
            info = infos[0]
            self.assertEqual(info.date_time, (1980, 1, 1, 0, 0, 0))
            self.assertEqual(info.create_system, 3)
            self.assertEqual(info.external_attr >> 16, stat.S_IFREG | 0o755)
            self.assertEqual(info.compress_type, zipfile.ZIP_DEFLATED)
            self.assertEqual(info.extra, b"")
            self.assertEqual(archive.comment, b"")
            self.assertEqual(archive.read("bootstrap"), self.payload)

    def test_entry_name_option(self):
        out = os.path.join(self.tmp, "named.zip")
        self.assertEqual(run(out, self.file("x"), "--entry-name", "handler").returncode, 0)
        with zipfile.ZipFile(out) as archive:
            self.assertEqual(archive.namelist(), ["handler"])

    @unittest.skipUnless(UNZIP, "needs unzip")
    def test_unzip_restores_an_executable(self):
        out, _ = self.zip("a.zip", self.file("bootstrap", mode=0o600))
        dest = os.path.join(self.tmp, "x")
        subprocess.run([UNZIP, "-q", out, "-d", dest], check=True)
        mode = os.stat(os.path.join(dest, "bootstrap")).st_mode
        self.assertEqual(stat.S_IMODE(mode), 0o755)

    def test_prints_size_and_sha256(self):
        source = self.file("bootstrap")
        out = os.path.join(self.tmp, "a.zip")
        result = run(out, source)
        with open(out, "rb") as handle:
            data = handle.read()
        self.assertEqual(result.stdout.split(), [out, str(len(data)), hashlib.sha256(data).hexdigest(), "7zip" if SEVEN_ZIP else "zlib"])

    @unittest.skipUnless(SEVEN_ZIP, "needs 7-Zip (apt-get install 7zip; .ci/run installs it)")
    def test_7zip_stream_is_smaller_than_zlib_and_inflates_to_the_input(self):
        # Text-like, repetitive and binary parts: where 7-Zip's encoder finds longer matches than zlib's.
        data = b"".join(b"%08d campaign CAMPAIGN#%d METADATA\n" % (i, i % 97) for i in range(20000)) + bytes(range(256)) * 200
        source = self.file("bootstrap", data=data)
        out_7z, seven = self.zip("7z.zip", source)
        out_zlib = os.path.join(self.tmp, "zlib.zip")
        self.assertEqual(run(out_zlib, source, "--compressor", "zlib").returncode, 0)
        self.assertLess(len(seven), os.path.getsize(out_zlib))
        with zipfile.ZipFile(out_7z) as archive:
            self.assertIsNone(archive.testzip())
            self.assertEqual(archive.read("bootstrap"), data)

    def test_auto_without_7zip_uses_zlib_and_says_so(self):
        out = os.path.join(self.tmp, "a.zip")
        result = run(out, self.file("bootstrap"), env=without_7zip())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.split()[-1], "zlib")
        with zipfile.ZipFile(out) as archive:
            self.assertEqual(archive.read("bootstrap"), self.payload)

    def test_7zip_required_but_missing_fails_without_output(self):
        out = os.path.join(self.tmp, "a.zip")
        result = run(out, self.file("bootstrap"), "--compressor", "7zip", env=without_7zip())
        self.assertEqual(result.returncode, 1)
        self.assertIn("7-Zip (7zz or 7z) is not on PATH", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_overwrites_and_creates_the_folder(self):
        out = os.path.join(self.tmp, "deep", "er", "a.zip")
        self.assertEqual(run(out, self.file("one")).returncode, 0)
        self.assertEqual(run(out, self.file("two", data=b"new")).returncode, 0)
        with zipfile.ZipFile(out) as archive:
            self.assertEqual(archive.read("bootstrap"), b"new")
        self.assertEqual(sorted(os.listdir(os.path.dirname(out))), ["a.zip"])  # no temp file left

    def test_missing_input_fails_without_output(self):
        out = os.path.join(self.tmp, "a.zip")
        result = run(out, os.path.join(self.tmp, "nope"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot read", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_directory_input_fails(self):
        result = run(os.path.join(self.tmp, "a.zip"), self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not a regular file", result.stderr)


if __name__ == "__main__":
    unittest.main()
