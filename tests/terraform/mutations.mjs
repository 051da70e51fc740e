// Each terraform test assert must be able to fail: every mutation of mutation-list.mjs breaks the
// configuration in one place, in a copy of the repository, and the real `terraform test` (through
// run.sh and the stand-in provider) must fail with the assert message that guards that place.
// Slow (one terraform test per mutation), so not part of ./build.sh test: run it with
// `./build.sh terraform --mutations` (node --test tests/terraform/mutations.mjs).

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { MUTATIONS } from "./mutation-list.mjs";
import { repoRoot } from "./schema/types.mjs";

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
        const { code, output } = await terraformTest(dir, mutation.run);
        assert.notEqual(code, 0, "terraform test passed on the mutated configuration");
        const terraform = output.split("--- stand-in provider log")[0];
        assert.ok(terraform.includes("Error: Test assertion failed"), `no assertion failed (a plan error instead?):\n${terraform.slice(-1500)}`);
        assert.ok(terraform.includes(mutation.expect), `the failing assert is not "${mutation.expect}":\n${terraform.slice(-1500)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(path.join(repoRoot, ".work/terraform", dir.replace(/^\//, "").replaceAll("/", "-")), { recursive: true, force: true });
      }
    });
  }
});
