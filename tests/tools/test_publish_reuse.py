"""Tests of publish_all's reuse (tools/build/lib/dotnet.sh), what lets a second ./build.sh serve skip
the AOT publishes: a function's binary is reused only when nothing that can change it has changed.
The failure to prevent is a stale binary served after an edit.

They run the real shell functions in a small fake repository, with a fake `dotnet` that records each
publish and writes a bootstrap; what they cannot show is that the real publish of equal inputs gives
an equal binary (the reproducibility check of ./build.sh package does).
"""
import os
import re
import shutil
import subprocess
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
LIBS = [os.path.join(REPO, "tools", "build", "lib", name) for name in ("common.sh", "dotnet.sh", "services.sh")]

# A solution's functions are each published into their own bin/Release/<framework>/<rid>/publish/.
FAKE_DOTNET = textwrap.dedent("""\
    #!/bin/bash
    if [[ "$1" == --version ]]; then echo "${FAKE_SDK:-10.0.100}"; exit 0; fi
    if [[ "$1" == build ]]; then
      out=""; while [[ $# -gt 0 ]]; do [[ "$1" == -o ]] && out="$2"; shift; done
      echo "build" >>"$FAKE_LOG.builds"; mkdir -p "$out"; echo dll >"$out/Campaigns.Emulator.dll"; exit 0
    fi
    [[ "$1" == publish ]] || exit 2
    target="$2"; framework=""; rid=""
    while [[ $# -gt 0 ]]; do
      case "$1" in -r) rid="$2" ;; -p:CampaignsFramework=*) framework="${1#*=}" ;; esac
      shift
    done
    [[ "$target" == *.slnx ]] || exit 2
    echo "$target" >>"$FAKE_LOG.runs"
    for project in $(sed -n 's/.*Path="\\([^"]*\\)".*/\\1/p' "$target"); do
      project="$(dirname "$target")/$project"
      echo "$project" >>"$FAKE_LOG"
      [[ -z "${FAKE_FAIL:-}" ]] || exit 1
      [[ "$project" != *"${FAKE_WRITES_NOTHING_FOR:-none}"* ]] || continue
      out="$(dirname "$project")/bin/Release/$framework/$rid/publish"
      mkdir -p "$out"
      printf 'binary of %s, publish %s\\n' "$project" "$(wc -l <"$FAKE_LOG")" >"$out/bootstrap"
      chmod +x "$out/bootstrap"
    done
    """)

FILES = {
    "functions/functions.json": """{
      "get_campaign": {"project": "functions/Get/Get.csproj"},
      "list_campaigns": {"project": "functions/List/List.csproj"}
    }""",
    # A reference split over lines, and one written with backslashes, as Visual Studio writes them.
    "functions/Get/Get.csproj": '<Project>\n  <ItemGroup>\n    <ProjectReference\n      Include="../../shared/Hosting/Hosting.csproj" />\n  </ItemGroup>\n</Project>\n',
    "functions/Get/Program.cs": "class Program {}\n",
    "functions/Get/packages.lock.json": '{"version": 1}\n',
    "functions/List/List.csproj": '<Project><ItemGroup><ProjectReference Include="../../shared/Domain/Domain.csproj" /></ItemGroup></Project>\n',
    "functions/List/Program.cs": "class Program {}\n",
    "shared/Hosting/Hosting.csproj": '<Project><ItemGroup><ProjectReference Include="..\\Lambda\\Lambda.csproj" /></ItemGroup></Project>\n',
    "shared/Hosting/Function.cs": "class Function {}\n",
    "shared/Lambda/Lambda.csproj": "<Project />\n",
    "shared/Lambda/Log.cs": "class Log {}\n",
    "shared/Domain/Domain.csproj": "<Project />\n",
    "shared/Domain/Campaign.cs": "class Campaign {}\n",
    "native/prefault.c": "int prefault;\n",
    "Directory.Build.props": "<Project><PropertyGroup><Gen0>$(CampaignsGen0Size)</Gen0></PropertyGroup>"
                             "<ItemGroup><Native Include=\"$(MSBuildThisFileDirectory)native/prefault.c\" /></ItemGroup></Project>\n",
    "Directory.Packages.props": "<Project />\n",
    "global.json": '{"sdk": {"version": "10.0.100"}}\n',
    ".editorconfig": "root = true\n",
    "docs/README.md": "notes\n",
    "tools/Campaigns.Emulator/Campaigns.Emulator.csproj": '<Project><ItemGroup><ProjectReference Include="../Campaigns.RuntimeApi/Campaigns.RuntimeApi.csproj" /></ItemGroup></Project>\n',
    "tools/Campaigns.Emulator/Program.cs": "class Program {}\n",
    "tools/Campaigns.RuntimeApi/Campaigns.RuntimeApi.csproj": "<Project />\n",
    "tools/Campaigns.RuntimeApi/Server.cs": "class Server {}\n",
}

REUSED = re.compile(r"AOT publish: (\w+) unchanged \(inputs [0-9a-f]{12}\), reused")


class PublishReuseTests(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.root)
        for path, text in FILES.items():
            self.write(path, text)
        self.bin = os.path.join(self.root, ".fake-bin")
        os.makedirs(self.bin)
        dotnet = os.path.join(self.bin, "dotnet")
        with open(dotnet, "w") as f:
            f.write(FAKE_DOTNET)
        os.chmod(dotnet, 0o755)
        self.log = os.path.join(self.root, ".publishes.log")
        self.env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ["PATH"], FAKE_LOG=self.log)
        self.env.pop("CampaignsGen0Size", None)

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    def append(self, path, text="// edited\n"):
        with open(os.path.join(self.root, path), "a") as f:
            f.write(text)

    def bash(self, script, env=None, check=True):
        """Runs SCRIPT with the build's libraries sourced, in the fake repository; (status, stderr)."""
        prelude = f'set -euo pipefail; ROOT="{self.root}"; cd "$ROOT"; ' + "".join(f'source "{lib}"; ' for lib in LIBS)
        result = subprocess.run(["bash", "-c", prelude + script], env=env or self.env, capture_output=True,
                                text=True, timeout=60)
        if check:
            self.assertEqual(result.returncode, 0, result.stderr)
        return result.returncode, result.stderr

    def publish(self, framework="net10.0", arch="x64", reuse="reuse", env=None, before=""):
        """publish_all; returns (functions published, functions reused)."""
        for log in (self.log, self.log + ".runs"):
            if os.path.exists(log):
                os.remove(log)
        _, err = self.bash(f"{before} publish_all {framework} {arch} {reuse}", env=env)
        published = []
        if os.path.exists(self.log):
            with open(self.log) as f:
                published = sorted(os.path.basename(os.path.dirname(p.strip())) for p in f)
        return published, sorted(REUSED.findall(err))

    def bootstrap(self, name, framework="net10.0", arch="x64"):
        return os.path.join(self.root, ".work", "publish", f"{framework}-{arch}", name, "bootstrap")

    def test_Publish_FirstTime_PublishesEveryFunction(self):
        self.assertEqual(self.publish(), (["Get", "List"], []))
        self.assertTrue(os.path.exists(self.bootstrap("get_campaign") + ".inputs"))

    def test_Publish_OfSeveralFunctions_IsOneMSBuildRun(self):
        self.publish()
        with open(self.log + ".runs") as f:
            self.assertEqual(len(f.readlines()), 1)

    def test_Publish_WhenTheRunWritesNoBootstrap_FailsInsteadOfCopyingAnEarlierOne(self):
        self.publish()
        self.append("functions/Get/Program.cs")
        status, err = self.bash("publish_all net10.0 x64 reuse", env=dict(self.env, FAKE_WRITES_NOTHING_FOR="Get"),
                                check=False)
        self.assertNotEqual(status, 0)
        self.assertIn("AOT publish of get_campaign produced no bootstrap", err)

    def test_Publish_WhenNothingChanged_ReusesEveryBinary_AndSaysSo(self):
        self.publish()
        self.assertEqual(self.publish(), ([], ["get_campaign", "list_campaigns"]))

    def test_Publish_WhenASharedSourceChanges_RepublishesOnlyTheFunctionsThatReferenceIt(self):
        self.publish()
        # shared/Lambda is referenced only through shared/Hosting, by Get alone.
        self.append("shared/Lambda/Log.cs")
        self.assertEqual(self.publish(), (["Get"], ["list_campaigns"]))
        self.append("shared/Domain/Campaign.cs")
        self.assertEqual(self.publish(), (["List"], ["get_campaign"]))

    def test_Publish_WhenANewSourceFileAppears_Republishes(self):
        self.publish()
        self.write("shared/Hosting/Extra.cs", "class Extra {}\n")
        self.assertEqual(self.publish()[0], ["Get"])

    def test_Publish_WhenABuildFileChanges_RepublishesEveryFunctionThatReadsIt(self):
        cases = {
            "Directory.Build.props": ["Get", "List"],
            "Directory.Packages.props": ["Get", "List"],
            "global.json": ["Get", "List"],
            ".editorconfig": ["Get", "List"],
            "native/prefault.c": ["Get", "List"],
            "functions/Get/packages.lock.json": ["Get"],
            "functions/Get/Get.csproj": ["Get"],
        }
        self.publish()
        for path, republished in cases.items():
            with self.subTest(path=path):
                self.append(path, "\n")
                self.assertEqual(self.publish()[0], republished)

    def test_Publish_WhenTheFrameworkOrArchitectureChanges_TheInputsDiffer(self):
        listings = {
            (framework, arch): self.bash(f"aot_inputs get_campaign {framework} {arch} >&2")[1]
            for framework in ("net10.0", "net9.0") for arch in ("x64", "arm64")
        }
        self.assertEqual(len(set(listings.values())), 4)
        self.publish()
        self.assertEqual(self.publish(framework="net9.0")[0], ["Get", "List"])

    def test_Publish_WhenTheSdkChanges_Republishes(self):
        self.publish()
        self.assertEqual(self.publish(env=dict(self.env, FAKE_SDK="10.0.200"))[0], ["Get", "List"])

    def test_Publish_WhenTheEnvironmentSetsABuildProperty_Republishes(self):
        self.publish()
        self.assertEqual(self.publish(env=dict(self.env, CampaignsGen0Size="0"))[0], ["Get", "List"])

    def test_Publish_WhenThePublishCommandChanges_Republishes(self):
        self.publish()
        # Another msbuild argument in the publish: the same sources give another binary.
        changed = "eval \"$(declare -f aot_publish_run | sed 's/-p:ContinuousIntegrationBuild=true/& -p:Extra=1/')\";"
        self.assertEqual(self.publish(before=changed)[0], ["Get", "List"])

    def test_Publish_WhenTheBootstrapIsMissingOrAltered_Republishes(self):
        self.publish()
        os.remove(self.bootstrap("get_campaign"))
        self.assertEqual(self.publish(), (["Get"], ["list_campaigns"]))
        with open(self.bootstrap("list_campaigns"), "a") as f:
            f.write("patched")
        self.assertEqual(self.publish(), (["List"], ["get_campaign"]))

    def test_Publish_WhenOnlyOutputsOrUnrelatedFilesChange_Reuses(self):
        self.publish()
        self.write("shared/Lambda/obj/net10.0/generated.cs", "// generated\n")
        self.write("functions/Get/bin/Release/x.dll", "x")
        self.append("docs/README.md")
        self.assertEqual(self.publish(), ([], ["get_campaign", "list_campaigns"]))

    def test_AllReusable_IsTrueOnlyWhileEveryBinaryIsUnchanged(self):
        # What lets serve leave out the restore check: it must turn false on any edit.
        check = "if all_reusable net10.0 x64; then echo reusable >&2; else echo stale >&2; fi"
        self.assertIn("stale", self.bash(check)[1])
        self.publish()
        self.assertIn("reusable", self.bash(check)[1])
        self.assertIn("stale", self.bash(check, env=dict(self.env, FAKE_SDK="10.0.200"))[1])
        self.append("shared/Domain/Campaign.cs")
        self.assertIn("stale", self.bash(check)[1])

    def builds_of_the_emulator(self, env=None):
        """How many times build_emulator ran dotnet build."""
        builds = self.log + ".builds"
        if os.path.exists(builds):
            os.remove(builds)
        self.bash("build_emulator", env=env)
        return sum(1 for _ in open(builds)) if os.path.exists(builds) else 0

    def test_BuildEmulator_RebuildsOnlyWhenItsInputsChange(self):
        self.assertEqual(self.builds_of_the_emulator(), 1)
        self.assertEqual(self.builds_of_the_emulator(), 0)
        self.append("tools/Campaigns.RuntimeApi/Server.cs")  # referenced, not the emulator's own folder
        self.assertEqual(self.builds_of_the_emulator(), 1)
        self.append("Directory.Build.props", "\n")
        self.assertEqual(self.builds_of_the_emulator(), 1)
        self.assertEqual(self.builds_of_the_emulator(env=dict(self.env, FAKE_SDK="10.0.200")), 1)
        self.assertEqual(self.builds_of_the_emulator(), 1)
        self.assertEqual(self.builds_of_the_emulator(), 0)
        os.remove(os.path.join(self.root, ".work", "emulator", "Campaigns.Emulator.dll"))
        self.assertEqual(self.builds_of_the_emulator(), 1)
        self.append("shared/Domain/Campaign.cs")  # not the emulator's
        self.assertEqual(self.builds_of_the_emulator(), 0)

    def test_Publish_WithoutReuse_PublishesEvenWhenNothingChanged(self):
        self.publish()
        self.assertEqual(self.publish(reuse=""), (["Get", "List"], []))

    def test_Publish_WhenItFails_LeavesNoStampBehind_SoTheNextRunPublishes(self):
        self.publish()
        self.append("shared/Domain/Campaign.cs")
        status, _ = self.bash("publish_all net10.0 x64 reuse", env=dict(self.env, FAKE_FAIL="1"), check=False)
        self.assertNotEqual(status, 0)
        self.assertFalse(os.path.exists(self.bootstrap("list_campaigns") + ".inputs"))
        self.assertEqual(self.publish()[0], ["List"])


if __name__ == "__main__":
    unittest.main()
