"""Tests of manifest.py against a synthetic artifacts folder and function table."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the work tree
PACKAGE = os.path.abspath(os.path.join(HERE, "..", "..", "tools", "package"))
sys.path.insert(0, PACKAGE)
import zip_reproducible  # noqa: E402

SCRIPT = os.path.join(PACKAGE, "manifest.py")
GIT = shutil.which("git")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, cwd=cwd)


class Manifest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="manifest-")
        self.dir = os.path.join(self.tmp, "artifacts", "arm64")
        os.makedirs(self.dir)
        self.table = os.path.join(self.tmp, "functions.json")
        with open(self.table, "w") as handle:
            json.dump({"list_things": {"project": "a"}, "get_thing": {"project": "b"}}, handle)
        self.bootstraps = {"list_things": b"list binary", "get_thing": b"get binary " * 100}
        for name, data in self.bootstraps.items():
            zip_reproducible.write_zip(os.path.join(self.dir, f"{name}.zip"), data)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def manifest(self, *extra, expect=0):
        result = run("--arch", "arm64", "--framework", "net10.0", "--dir", self.dir,
                     "--functions", self.table, *extra)
        self.assertEqual(result.returncode, expect, result.stderr)
        return result

    def read(self):
        with open(os.path.join(self.dir, "manifest.json"), "rb") as handle:
            raw = handle.read()
        return raw, json.loads(raw)

    def test_lists_every_zip_with_checksums(self):
        self.manifest("--commit", "abc123", "--builder", "container")
        _, manifest = self.read()
        self.assertEqual(manifest["commit"], "abc123")
        self.assertEqual(manifest["architecture"], "arm64")
        self.assertEqual(manifest["framework"], "net10.0")
        self.assertEqual(manifest["builder"], "container")
        self.assertEqual([f["name"] for f in manifest["functions"]], ["get_thing", "list_things"])
        for entry in manifest["functions"]:
            path = os.path.join(self.dir, entry["file"])
            with open(path, "rb") as handle:
                data = handle.read()
            self.assertEqual(entry["file"], entry["name"] + ".zip")
            self.assertEqual(entry["sha256"], hashlib.sha256(data).hexdigest())
            self.assertEqual(entry["size"], len(data))
            self.assertEqual(entry["bootstrap_sha256"], hashlib.sha256(self.bootstraps[entry["name"]]).hexdigest())
            self.assertEqual(entry["bootstrap_size"], len(self.bootstraps[entry["name"]]))
            self.assertEqual((entry["framework"], entry["architecture"], entry["commit"]), ("net10.0", "arm64", "abc123"))

    def test_same_inputs_give_identical_manifest(self):
        self.manifest("--commit", "abc123")
        first, _ = self.read()
        self.manifest("--commit", "abc123")
        second, _ = self.read()
        self.assertEqual(first, second)

    def test_missing_zip_fails(self):
        os.unlink(os.path.join(self.dir, "get_thing.zip"))
        result = self.manifest("--commit", "abc", expect=1)
        self.assertIn("missing zip(s)", result.stderr)
        self.assertIn("get_thing.zip", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "manifest.json")))

    def test_zip_not_in_the_table_fails(self):
        zip_reproducible.write_zip(os.path.join(self.dir, "removed_fn.zip"), b"old")
        result = self.manifest("--commit", "abc", expect=1)
        self.assertIn("removed_fn.zip", result.stderr)

    def test_zip_with_other_entries_fails(self):
        with zipfile.ZipFile(os.path.join(self.dir, "get_thing.zip"), "w") as archive:
            archive.writestr("bootstrap", b"x")
            archive.writestr("extra.txt", b"y")
        result = self.manifest("--commit", "abc", expect=1)
        self.assertIn("exactly one entry 'bootstrap'", result.stderr)

    def test_corrupt_zip_fails(self):
        with open(os.path.join(self.dir, "get_thing.zip"), "wb") as handle:
            handle.write(b"not a zip")
        result = self.manifest("--commit", "abc", expect=1)
        self.assertIn("not a valid zip", result.stderr)

    def test_bad_arch_is_a_usage_error(self):
        result = run("--arch", "sparc", "--framework", "net10.0", "--dir", self.dir, "--functions", self.table)
        self.assertEqual(result.returncode, 2)

    @unittest.skipUnless(GIT, "needs git")
    def test_commit_comes_from_git(self):
        repo = os.path.join(self.tmp, "repo")
        os.makedirs(repo)
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
        for command in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "x"]):
            subprocess.run(["git", "-C", repo, *command], check=True, env=env, capture_output=True)
        sha = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], check=True, capture_output=True,
                             text=True).stdout.strip()
        self.manifest("--repo", repo)
        _, manifest = self.read()
        self.assertEqual(manifest["commit"], sha)
        self.assertFalse(manifest["commit_dirty"])
        self.assertTrue(all(f["commit"] == sha for f in manifest["functions"]))

    def test_no_git_and_no_commit_fails_clearly(self):
        result = self.manifest("--repo", os.path.join(self.tmp, "not-a-repo"), expect=1)
        self.assertIn("pass --commit", result.stderr)


if __name__ == "__main__":
    unittest.main()
