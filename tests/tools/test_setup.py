"""Tests of tools/build/lib/setup.sh (what ./build.sh test installs on a fresh machine) in a fake
machine: a PATH holding only the tools a case says are installed, fake `apt-get`, `dpkg`, `id` and
`uname` that record their calls, and HOST_ROOT standing in for /etc and /usr.

What the fakes cannot show: that Debian's archive really serves these package names (the README's
fresh-machine run does).
"""
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

# What the library itself runs; always on the fake PATH.
BASE_TOOLS = ["sed", "tr", "grep", "sort", "head", "cat", "printf", "mkdir"]
EVERYTHING = ["jq", "zip", "unzip", "python3", "7zz", "chromium", "java", "clang",
              "aarch64-linux-gnu-objcopy", "aarch64-linux-gnu-gcc", "qemu-aarch64"]

FAKE = textwrap.dedent("""\
    #!/bin/bash
    printf '%s %s\\n' "${0##*/}" "$*" >>"$FAKE_LOG"
    """)


class EnsureTestPackagesTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        self.bin = os.path.join(self.tmp, "bin")
        self.host = os.path.join(self.tmp, "host")
        self.log = os.path.join(self.tmp, "calls.log")
        os.makedirs(self.bin)
        os.makedirs(os.path.join(self.host, "etc", "apt", "sources.list.d"))
        for tool in BASE_TOOLS:
            os.symlink(shutil.which(tool), os.path.join(self.bin, tool))
        self.os_release("debian", "bookworm")
        self.uid = "0"
        self.machine = "x86_64"

    def os_release(self, distribution, codename):
        with open(os.path.join(self.host, "etc", "os-release"), "w") as f:
            f.write(f'PRETTY_NAME="x"\nID={distribution}\nVERSION_CODENAME={codename}\n')

    def fake(self, name, body=FAKE):
        path = os.path.join(self.bin, name)
        with open(path, "w") as f:
            f.write(body)
        os.chmod(path, 0o755)

    def installed(self, *tools, files=()):
        for tool in tools:
            self.fake(tool)
        for name in files:
            path = os.path.join(self.host, name.lstrip("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w").close()

    def run_setup(self, env=None):
        self.fake("apt-get")
        self.fake("dpkg")
        self.fake("id", f"#!/bin/bash\necho {self.uid}\n")
        self.fake("uname", f"#!/bin/bash\necho {self.machine}\n")
        script = ("set -euo pipefail; ROOT=$PWD; source tools/build/lib/common.sh; "
                  "source tools/build/lib/setup.sh; ensure_test_packages; echo READY")
        environment = {"PATH": self.bin, "HOST_ROOT": self.host, "FAKE_LOG": self.log, **(env or {})}
        result = subprocess.run(["/bin/bash", "-c", script], cwd=ROOT, env=environment,
                                capture_output=True, text=True, timeout=60)
        calls = open(self.log).read().splitlines() if os.path.exists(self.log) else []
        return result, [c for c in calls if c.split()[0] in ("apt-get", "dpkg")]

    def install_line(self, calls):
        lines = [c for c in calls if c.startswith("apt-get install")]
        self.assertEqual(len(lines), 1, calls)
        return lines[0].split()[4:]

    def test_Ensure_WhenEverythingIsInstalled_InstallsNothing(self):
        self.installed(*EVERYTHING, files=["/usr/aarch64-linux-gnu/lib/crt1.o", "/usr/lib/aarch64-linux-gnu/libssl.so.3"])
        result, calls = self.run_setup()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("READY", result.stdout)
        self.assertEqual(calls, [])

    def test_Ensure_AsRootOnDebianX64_InstallsExactlyTheMissingPackagesInOneLine(self):
        self.installed("jq", "zip", "unzip", "python3", "java", "clang", "aarch64-linux-gnu-objcopy",
                       "aarch64-linux-gnu-gcc", files=["/usr/aarch64-linux-gnu/lib/crt1.o"])
        result, calls = self.run_setup()
        self.assertEqual(result.returncode, 0, result.stderr)
        missing = ["7zip", "chromium", "qemu-user", "libssl3:arm64"]
        self.assertEqual(self.install_line(calls), missing)
        self.assertEqual(calls[0], "dpkg --add-architecture arm64")
        self.assertIn("apt-get update -qq", calls)
        self.assertEqual([line for line in result.stderr.splitlines() if "installing" in line],
                         [f"\x1b[1;34m==>\x1b[0m installing: {' '.join(missing)}"])
        self.assertFalse(os.path.exists(os.path.join(self.host, "etc/apt/sources.list.d/campaigns-arm64-ports.sources")))

    def test_Ensure_WhenOnlyTheCrossRuntimeIsLeft_InstallsTheCrossLibcDev(self):
        # Removing libc6-dev-arm64-cross leaves libc6-arm64-cross and its folder, but no crt1.o to link with.
        self.installed(*EVERYTHING, files=["/usr/aarch64-linux-gnu/lib/libc.so.6", "/usr/lib/aarch64-linux-gnu/libssl.so.3"])
        result, calls = self.run_setup()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.install_line(calls), ["libc6-dev-arm64-cross"])

    def test_Ensure_WhenTheArm64LegIsOff_DoesNotAskForItsPackages(self):
        self.installed("jq", "zip", "unzip", "python3", "7z", "chromium")
        result, calls = self.run_setup({"CAMPAIGNS_ARM64_LEG": "skip"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.install_line(calls), ["openjdk-17-jre-headless"])
        self.assertNotIn("dpkg --add-architecture arm64", calls)

    def test_Ensure_OnArm64_NeverAsksForTheCrossToolchain(self):
        self.machine = "aarch64"
        self.installed("zip", "unzip", "python3", "7zz", "chromium", "java")
        result, calls = self.run_setup()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.install_line(calls), ["jq"])

    def test_Ensure_WithDynamoDbEndpoint_NeedsNoJava(self):
        self.installed("jq", "zip", "unzip", "python3", "7zz", "chromium")
        self.machine = "aarch64"
        result, calls = self.run_setup({"DYNAMODB_ENDPOINT": "http://127.0.0.1:1"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(calls, [])

    def test_Ensure_AsRootOnUbuntuX64_AddsThePortsArchiveForArm64Only(self):
        self.os_release("ubuntu", "noble")
        sources = os.path.join(self.host, "etc/apt/sources.list.d/ubuntu.sources")
        with open(sources, "w") as f:
            f.write("Types: deb\nURIs: http://archive.ubuntu.com/ubuntu\nSuites: noble\nComponents: main\n")
        self.installed(*[t for t in EVERYTHING if t != "qemu-aarch64"], files=["/usr/aarch64-linux-gnu/lib/crt1.o"])
        result, calls = self.run_setup()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.install_line(calls), ["qemu-user", "libssl3:arm64"])
        self.assertIn("Architectures: amd64", open(sources).read())
        ports = open(os.path.join(self.host, "etc/apt/sources.list.d/campaigns-arm64-ports.sources")).read()
        self.assertIn("URIs: http://ports.ubuntu.com/ubuntu-ports", ports)
        self.assertIn("Suites: noble noble-updates noble-security", ports)
        self.assertIn("Architectures: arm64", ports)

    def test_Ensure_AsAnotherUser_PrintsTheOneCommandAndStops(self):
        self.uid = "1000"
        self.installed(*[t for t in EVERYTHING if t not in ("chromium", "jq")],
                       files=["/usr/aarch64-linux-gnu/lib/crt1.o", "/usr/lib/aarch64-linux-gnu/libssl.so.3"])
        result, calls = self.run_setup()
        self.assertEqual(result.returncode, 1)
        self.assertNotIn("READY", result.stdout)
        self.assertEqual(calls, [])
        self.assertIn("./build.sh test needs these Debian packages: jq chromium; install them with: sudo ./build.sh setup",
                      result.stderr)

    def test_Ensure_OffDebian_NamesThePackagesAndStops(self):
        self.os_release("fedora", "")
        self.installed(*[t for t in EVERYTHING if t != "jq"],
                       files=["/usr/aarch64-linux-gnu/lib/crt1.o", "/usr/lib/aarch64-linux-gnu/libssl.so.3"])
        result, calls = self.run_setup()
        self.assertEqual(result.returncode, 1)
        self.assertEqual(calls, [])
        self.assertIn("lacks what ./build.sh test needs (Debian package names): jq", result.stderr)


class RequireToolsTests(unittest.TestCase):
    """The SDK, Node and Terraform are checked up front, each with a line that says what to install."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        for tool in BASE_TOOLS:
            os.symlink(shutil.which(tool), os.path.join(self.tmp, tool))

    def fake(self, name, output, status=0):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(f"#!/bin/bash\necho '{output}'\nexit {status}\n")
        os.chmod(path, 0o755)

    def require(self, what):
        script = f"set -euo pipefail; ROOT=$PWD; source tools/build/lib/common.sh; source tools/build/lib/setup.sh; {what}; echo OK"
        return subprocess.run(["/bin/bash", "-c", script], cwd=ROOT, env={"PATH": self.tmp},
                              capture_output=True, text=True, timeout=60)

    def test_RequireDotnet_WhenNoSdkIsOnPath_SaysSoInsteadOfAFormattingError(self):
        result = self.require("require_dotnet_sdk")
        self.assertEqual(result.returncode, 1)
        self.assertIn("the .NET SDK 10.0.100 (global.json) is not on PATH", result.stderr)

    def test_RequireDotnet_WhenNoSdkMatchesGlobalJson_SaysSo(self):
        self.fake("dotnet", "A compatible .NET SDK was not found.", status=145)
        result = self.require("require_dotnet_sdk")
        self.assertEqual(result.returncode, 1)
        self.assertIn("no installed .NET SDK matches global.json", result.stderr)

    def test_RequireNode_WhenNode18_SaysTwentyIsNeeded(self):
        self.fake("node", "v18.19.0")
        self.fake("npm", "9.2.0")
        result = self.require("require_node")
        self.assertEqual(result.returncode, 1)
        self.assertIn("Node.js 18.19.0 is too old: 20 or newer is needed", result.stderr)

    def test_RequireNode_WhenNode20_Passes(self):
        self.fake("node", "v20.20.2")
        self.fake("npm", "10.8.2")
        self.assertEqual(self.require("require_node").stdout.strip(), "OK")

    def test_RequireTerraform_Below111_SaysSo(self):
        self.fake("terraform", "Terraform v1.10.5")
        result = self.require("require_terraform")
        self.assertEqual(result.returncode, 1)
        self.assertIn("Terraform 1.10.5 is too old: 1.11 or newer is needed", result.stderr)

    def test_RequireTerraform_At111OrNewer_Passes(self):
        for version in ("1.11.0", "1.11.4", "1.12.1"):
            self.fake("terraform", f"Terraform v{version}")
            self.assertEqual(self.require("require_terraform").stdout.strip(), "OK", version)


if __name__ == "__main__":
    unittest.main()
