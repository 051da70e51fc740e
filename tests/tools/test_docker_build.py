"""Tests of docker-build.sh with a fake `docker` on PATH (no daemon is needed), plus one run against
the real docker client when this machine has a client but no daemon.

What the fake cannot show: that the image builds and the publish succeeds in it. That needs a
Docker daemon (CI's package.yml and ci.yml do it).
"""
import json
import os
import shutil
import stat
import subprocess
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SCRIPT = os.path.join(ROOT, "tools", "package", "docker-build.sh")
FUNCTIONS = list(json.load(open(os.path.join(ROOT, "functions", "functions.json"))))

FAKE_DOCKER = textwrap.dedent("""\
    #!/usr/bin/env bash
    # Fake docker: records its arguments, answers like the real client as FAKE_* variables say.
    printf '%s\\n' "$*" >>"$FAKE_LOG"
    case "$1 ${2:-}" in
      "info "*)
        if [[ "$FAKE_DAEMON" == down ]]; then
          echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2
          exit 1
        fi
        echo "$FAKE_DAEMON_ARCH" ;;
      "buildx version") [[ "$FAKE_BUILDX" == yes ]] || exit 1; echo "github.com/docker/buildx v0.20.0" ;;
      "buildx inspect") echo "Name: default"; echo "Platforms: $FAKE_PLATFORMS" ;;
      "buildx build")
        [[ "$FAKE_BUILD" == fail ]] && { echo "ERROR: failed to solve" >&2; exit 1; }
        dest="" functions=""
        prev=""
        for arg in "$@"; do
          [[ "$prev" == --output ]] && dest="${arg#type=local,dest=}"
          [[ "$prev" == --build-arg && "$arg" == FUNCTIONS=* ]] && functions="${arg#FUNCTIONS=}"
          prev="$arg"
        done
        for pair in $functions; do
          name="${pair%%=*}"
          [[ "$FAKE_BUILD" == partial && "$name" == get_campaign ]] && continue
          mkdir -p "$dest/$name" && printf 'ELF' >"$dest/$name/bootstrap" && chmod 755 "$dest/$name/bootstrap"
        done ;;
      *) echo "fake docker: unexpected $*" >&2; exit 2 ;;
    esac
    """)


class DockerBuildWrapper(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="docker-build-")
        bin_dir = os.path.join(self.tmp, "bin")
        os.makedirs(bin_dir)
        docker = os.path.join(bin_dir, "docker")
        with open(docker, "w") as handle:
            handle.write(FAKE_DOCKER)
        os.chmod(docker, 0o755)
        self.log = os.path.join(self.tmp, "docker.log")
        self.out = os.path.join(self.tmp, "out")
        self.env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"], FAKE_LOG=self.log,
                        FAKE_DAEMON="up", FAKE_DAEMON_ARCH="aarch64", FAKE_BUILDX="yes",
                        FAKE_PLATFORMS="linux/arm64, linux/amd64", FAKE_BUILD="ok")
        self.env.pop("CAMPAIGNS_BUILD_IMAGE", None)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_wrapper(self, *args, **fake):
        env = dict(self.env, **fake)
        return subprocess.run(["bash", SCRIPT, *args], capture_output=True, text=True, env=env)

    def calls(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as handle:
            return handle.read().splitlines()

    def build_call(self):
        return next(c for c in self.calls() if c.startswith("buildx build"))

    def test_native_arm64_build_leaves_every_bootstrap(self):
        result = self.run_wrapper("arm64", "net10.0", self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        for name in FUNCTIONS:
            path = os.path.join(self.out, name, "bootstrap")
            self.assertTrue(os.access(path, os.X_OK), path)
        call = self.build_call()
        self.assertIn("--platform linux/arm64", call)
        self.assertIn("BASE_IMAGE=public.ecr.aws/sam/build-dotnet10:latest-arm64", call)
        self.assertIn("FRAMEWORK=net10.0", call)
        self.assertIn(f"--output type=local,dest={self.out}", call)
        self.assertIn("--target export", call)
        self.assertIn(os.path.join(ROOT, ".github", "docker", "build.Dockerfile"), call)
        self.assertIn("get_campaign=functions/GetCampaign/GetCampaign.csproj", call)
        self.assertNotIn("EMULATION", result.stderr)

    def test_ci_restores_locked_in_the_container(self):
        result = self.run_wrapper("arm64", "net10.0", self.out, CI="true")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("--build-arg CI=true", self.build_call())

    def test_outside_ci_the_container_restore_is_not_locked(self):
        env = dict(self.env)
        env.pop("CI", None)
        result = subprocess.run(["bash", SCRIPT, "arm64", "net10.0", self.out], capture_output=True, text=True, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("--build-arg CI= ", self.build_call())

    def test_x64_uses_the_x86_64_image_and_amd64_platform(self):
        result = self.run_wrapper("x64", "net9.0", self.out, FAKE_DAEMON_ARCH="x86_64")
        self.assertEqual(result.returncode, 0, result.stderr)
        call = self.build_call()
        self.assertIn("--platform linux/amd64", call)
        self.assertIn("build-dotnet10:latest-x86_64", call)
        self.assertIn("FRAMEWORK=net9.0", call)

    def test_base_image_override(self):
        image = "public.ecr.aws/sam/build-dotnet10@sha256:" + "0" * 64
        result = self.run_wrapper("arm64", "net10.0", self.out, CAMPAIGNS_BUILD_IMAGE=image)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"BASE_IMAGE={image}", self.build_call())

    def test_stale_output_is_removed(self):
        os.makedirs(os.path.join(self.out, "removed_function"))
        self.assertEqual(self.run_wrapper("arm64", "net10.0", self.out).returncode, 0)
        self.assertEqual(sorted(os.listdir(self.out)), sorted(FUNCTIONS))

    def test_no_daemon_fails_clearly_before_building(self):
        result = self.run_wrapper("arm64", "net10.0", self.out, FAKE_DAEMON="down")
        self.assertEqual(result.returncode, 1)
        self.assertIn("no Docker daemon is reachable", result.stderr)
        self.assertIn("--no-docker", result.stderr)
        self.assertFalse(any(c.startswith("buildx build") for c in self.calls()))

    def test_missing_buildx_fails_clearly(self):
        result = self.run_wrapper("arm64", "net10.0", self.out, FAKE_BUILDX="no")
        self.assertEqual(result.returncode, 1)
        self.assertIn("buildx", result.stderr)

    def test_foreign_arch_warns_about_emulation(self):
        result = self.run_wrapper("arm64", "net10.0", self.out, FAKE_DAEMON_ARCH="x86_64")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("EMULATION", result.stderr)

    def test_foreign_arch_without_binfmt_fails_with_the_fix(self):
        result = self.run_wrapper("arm64", "net10.0", self.out, FAKE_DAEMON_ARCH="x86_64",
                                  FAKE_PLATFORMS="linux/amd64, linux/386")
        self.assertEqual(result.returncode, 1)
        self.assertIn("tonistiigi/binfmt --install arm64", result.stderr)

    def test_failed_build_fails(self):
        result = self.run_wrapper("arm64", "net10.0", self.out, FAKE_BUILD="fail")
        self.assertEqual(result.returncode, 1)
        self.assertIn("container build failed", result.stderr)

    def test_missing_bootstrap_after_build_fails(self):
        result = self.run_wrapper("arm64", "net10.0", self.out, FAKE_BUILD="partial")
        self.assertEqual(result.returncode, 1)
        self.assertIn("get_campaign/bootstrap", result.stderr)

    def test_bad_arguments(self):
        for args, message in [(("sparc", "net10.0", self.out), "arm64 or x64"),
                              (("arm64", "10", self.out), "framework"),
                              (("arm64", "net10.0"), "usage")]:
            with self.subTest(args=args):
                result = self.run_wrapper(*args)
                self.assertEqual(result.returncode, 1)
                self.assertIn(message, result.stderr)


def real_docker_without_daemon():
    if not shutil.which("docker"):
        return False
    return subprocess.run(["docker", "info"], capture_output=True, timeout=60).returncode != 0


@unittest.skipUnless(real_docker_without_daemon(), "needs a docker client with no reachable daemon")
class RealClientWithoutDaemon(unittest.TestCase):
    def test_fails_with_the_daemon_message(self):
        with tempfile.TemporaryDirectory() as out:
            result = subprocess.run(["bash", SCRIPT, "arm64", "net10.0", out], capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn("no Docker daemon is reachable", result.stderr)


class Dockerfile(unittest.TestCase):
    """Static facts about the Dockerfile the wrapper relies on (no daemon needed)."""

    def setUp(self):
        with open(os.path.join(ROOT, ".github", "docker", "build.Dockerfile")) as handle:
            self.text = handle.read()

    def test_stages_and_arguments_the_wrapper_uses(self):
        for needle in ["ARG BASE_IMAGE_ARM64=public.ecr.aws/sam/build-dotnet10:latest-arm64",
                       "ARG BASE_IMAGE_X64=public.ecr.aws/sam/build-dotnet10:latest-x86_64",
                       "ARG BASE_IMAGE=${BASE_IMAGE_ARM64}", "FROM ${BASE_IMAGE} AS toolchain", "AS publish", "FROM scratch AS export",
                       "ARG FRAMEWORK", "ARG FUNCTIONS", "ARG TARGETARCH", "ARG CI="]:
            self.assertIn(needle, self.text)

    def test_nuget_cache_mount(self):
        self.assertRegex(self.text, r"--mount=type=cache,[^\n]*target=/nuget/packages")
        self.assertIn("NUGET_PACKAGES=/nuget/packages", self.text)

    def test_build_context_keeps_what_the_build_reads(self):
        with open(os.path.join(ROOT, ".github", "docker", "build.Dockerfile.dockerignore")) as handle:
            allowed = {line[1:] for line in handle.read().splitlines() if line.startswith("!")}
        for needed in ["functions", "shared", "global.json", "Directory.Build.props", "Directory.Packages.props",
                       ".editorconfig"]:
            self.assertIn(needed, allowed)


if __name__ == "__main__":
    unittest.main()
