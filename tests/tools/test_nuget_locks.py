"""NuGet lock files: every project has one, covering both Lambda architectures where the AOT publish
restores, and a restore in CI (CI=true) refuses a lock file that does not match: a real `dotnet restore`
of one project, copied with the repository's props, with its lock file tampered with."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SKIP = {"bin", "obj", "node_modules", ".work", ".git"}
# The projects that dotnet publish -r linux-<arch> restores for a runtime.
RUNTIME_PROJECTS = ("functions/", "shared/", "tools/Campaigns.Bench.Floor/", "tools/Campaigns.Bench.Bound/")


def projects():
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP]
        for name in files:
            if name.endswith(".csproj"):
                yield os.path.relpath(os.path.join(folder, name), ROOT)


def restore(project_dir, env_ci):
    env = dict(os.environ, CI=env_ci)
    return subprocess.run(["dotnet", "restore", project_dir, "--force"], capture_output=True, text=True, env=env)


class LockFiles(unittest.TestCase):
    def test_every_project_has_a_lock_file_for_the_production_framework(self):
        found = list(projects())
        self.assertGreater(len(found), 20)
        for project in found:
            lock = os.path.join(ROOT, os.path.dirname(project), "packages.lock.json")
            self.assertTrue(os.path.isfile(lock), f"{project} has no packages.lock.json")
            with open(lock) as handle:
                targets = set(json.load(handle)["dependencies"])
            self.assertIn("net10.0", targets, project)
            if project.replace(os.sep, "/").startswith(RUNTIME_PROJECTS):
                self.assertLessEqual({"net10.0/linux-x64", "net10.0/linux-arm64"}, targets, project)

    def test_locked_mode_is_set_once_for_ci(self):
        with open(os.path.join(ROOT, "Directory.Build.props")) as handle:
            props = handle.read()
        self.assertIn("<RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>", props)
        self.assertIn("<RestoreLockedMode Condition=\"'$(CI)' == 'true'\">true</RestoreLockedMode>", props,
                      "Directory.Build.props must restore in locked mode when CI=true")
        for project in projects():
            with open(os.path.join(ROOT, project)) as handle:
                self.assertNotRegex(handle.read(), r"RestoreLockedMode|RestorePackagesWithLockFile|NuGetLockFilePath", project)


@unittest.skipUnless(shutil.which("dotnet"), "needs the .NET SDK")
class LockedRestore(unittest.TestCase):
    """Campaigns.Domain (the AWS SDK packages) restored from a copy, so the checkout is never touched."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nuget-locks-")
        for name in ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"]:
            shutil.copy(os.path.join(ROOT, name), self.tmp)
        self.project = os.path.join(self.tmp, "shared", "Campaigns.Domain")
        shutil.copytree(os.path.join(ROOT, "shared", "Campaigns.Domain"), self.project,
                        ignore=shutil.ignore_patterns("bin", "obj"))
        self.lock = os.path.join(self.project, "packages.lock.json")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def tamper(self, change):
        with open(self.lock) as handle:
            lock = json.load(handle)
        change(lock["dependencies"]["net10.0"])
        with open(self.lock, "w") as handle:
            json.dump(lock, handle, indent=2)

    def test_the_committed_lock_file_restores_in_ci(self):
        result = restore(self.project, "true")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_a_changed_content_hash_fails_in_ci(self):
        def change(deps):
            digest = deps["AWSSDK.Core"]["contentHash"]
            deps["AWSSDK.Core"]["contentHash"] = ("A" if digest[0] != "A" else "B") + digest[1:]
        self.tamper(change)
        result = restore(self.project, "true")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("NU1403", result.stdout + result.stderr)

    def test_a_changed_version_fails_in_ci(self):
        self.tamper(lambda deps: deps["AWSSDK.DynamoDBv2"].update(requested="[4.0.0, )"))
        result = restore(self.project, "true")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("NU1004", result.stdout + result.stderr)

    def test_outside_ci_a_stale_lock_file_is_rewritten(self):
        self.tamper(lambda deps: deps["AWSSDK.DynamoDBv2"].update(requested="[4.0.0, )"))
        result = restore(self.project, "")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        with open(self.lock) as handle:
            self.assertNotEqual(json.load(handle)["dependencies"]["net10.0"]["AWSSDK.DynamoDBv2"]["requested"], "[4.0.0, )")


if __name__ == "__main__":
    unittest.main()
