// Each terraform test assert must be able to fail: every mutation of mutation-list.mjs breaks the
// configuration in one place, in a copy of the repository, and the real `terraform test` (through
// run.sh and the stand-in provider) must fail with the assert message that guards that place.
// Run by ./build.sh test and `./build.sh terraform --mutations` (node --test tests/terraform/mutations.mjs).
//
// In each copy the test files keep only the run blocks holding the expected assert: a terraform test
// of all of a file's runs took about 28 s on a loaded 2-core machine, nearly all of a mutation's
// time, while the assert that must fail is in one run. Every run is a plan that starts from nothing
// (guards.test.mjs checks that none applies), so no kept run depends on one left out.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { MUTATIONS } from "./mutation-list.mjs";
import { repoRoot } from "./schema/types.mjs";
import { splitRuns } from "./test-files.mjs";

function mutatedCopy({ file, from, to }) {
  const dir = mkdtempSync(path.join(tmpdir(), "campaigns-mutation-"));
  // Terraform reads terraform/ and the two tables in functions/, nothing else.
  cpSync(path.join(repoRoot, "terraform"), path.join(dir, "terraform"), { recursive: true });
  for (const table of ["functions.json", "table.json"]) cpSync(path.join(repoRoot, "functions", table), path.join(dir, "functions", table));
  const target = path.join(dir, file);
  const text = readFileSync(target, "utf8");
  const count = text.split(from).length - 1;
  assert.equal(count, 1, `the mutation no longer applies: ${JSON.stringify(from)} occurs ${count} times in ${file}`);
  writeFileSync(target, text.replace(from, to));
  return dir;
}

// Keeps, in every test file of the mutated root, only the runs holding an assert whose message starts
// with `expect`; a file left without runs is removed. Returns how many runs are kept.
function keepOnlyGuardingRuns(dir, root, expect) {
  const testsDir = path.join(dir, "terraform", root, "tests");
  let kept = 0;
  for (const name of readdirSync(testsDir).filter((file) => file.endsWith(".tftest.hcl"))) {
    const file = path.join(testsDir, name);
    const { runs, rest } = splitRuns(readFileSync(file, "utf8"));
    const guarding = runs.filter((run) => run.includes(`error_message = "${expect}`));
    kept += guarding.length;
    if (guarding.length === 0) rmSync(file);
    else writeFileSync(file, rest + guarding.join("\n"));
  }
  return kept;
}

// Where run.sh keeps Terraform's data dir for a root (its path with / as -).
const workDir = (dir, root) => path.join(repoRoot, ".work/terraform", path.join(dir, "terraform", root).replace(/^\//, "").replaceAll("/", "-"));

function terraformTest(dir, [root, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(path.join(repoRoot, "tests/terraform/run.sh"), [path.join(dir, "terraform", root), ...args], { env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output: output.replace(/\s+/g, " ") }));
  });
}

describe("Each terraform test assert fails on the mutation it guards against", { concurrency: 2 }, () => {
  for (const mutation of MUTATIONS) {
    it(`${mutation.name} → "${mutation.expect}"`, async () => {
      const dir = mutatedCopy(mutation);
      try {
        assert.ok(keepOnlyGuardingRuns(dir, mutation.run[0], mutation.expect) > 0, `no run holds the assert "${mutation.expect}"`);
        const { code, output } = await terraformTest(dir, mutation.run);
        assert.notEqual(code, 0, "terraform test passed on the mutated configuration");
        const terraform = output.split("--- stand-in provider log")[0];
        assert.ok(terraform.includes("Error: Test assertion failed"), `no assertion failed (a plan error instead?):\n${terraform.slice(-1500)}`);
        assert.ok(terraform.includes(mutation.expect), `the failing assert is not "${mutation.expect}":\n${terraform.slice(-1500)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(workDir(dir, mutation.run[0]), { recursive: true, force: true });
      }
    });
  }
});
