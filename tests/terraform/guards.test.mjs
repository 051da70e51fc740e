// Every assert of the Terraform tests has a mutation that must make it fail (mutation-list.mjs, run
// by mutations.mjs): an assert nothing can fail proves nothing. And every mutation still applies.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { MUTATIONS } from "./mutation-list.mjs";
import { repoRoot } from "./schema/types.mjs";
import { assertMessages, splitRuns, testFiles } from "./test-files.mjs";

const files = testFiles(repoRoot);
const read = (rel) => readFileSync(path.join(repoRoot, rel), "utf8");

it("finds every Terraform test file, wherever it is", () => {
  // The ones there are today must be among them; a new one is found without changing this test.
  for (const known of ["terraform/bootstrap/tests/bootstrap.tftest.hcl", "terraform/stack/tests/stack.tftest.hcl", "terraform/stack/tests/modules.tftest.hcl"]) {
    assert.ok(files.includes(known), `${known} not found among ${files.join(", ")}`);
  }
});

it("every assert message of every test file is guarded by a mutation", () => {
  const unguarded = files.flatMap((rel) => assertMessages(read(rel)).filter((message) => !MUTATIONS.some((m) => message.startsWith(m.expect))).map((message) => `${rel}: ${message}`));
  assert.deepEqual(unguarded, []);
});

it("every mutation's from text occurs exactly once in its file", () => {
  const stale = MUTATIONS.map((m) => ({ m, count: read(m.file).split(m.from).length - 1 }))
    .filter(({ count }) => count !== 1)
    .map(({ m, count }) => `${m.name}: ${JSON.stringify(m.from)} occurs ${count} times in ${m.file}`);
  assert.deepEqual(stale, []);
});

it("every mutation expects an assert that exists", () => {
  const messages = files.flatMap((rel) => assertMessages(read(rel)));
  assert.deepEqual(MUTATIONS.filter((m) => !messages.some((message) => message.startsWith(m.expect))).map((m) => m.name), []);
});

// mutations.mjs runs only the runs holding the expected assert: right only while no run depends on
// another, that is while every run plans from nothing.
it("every run of every test file is a plan", () => {
  const applying = files.flatMap((rel) => splitRuns(read(rel)).runs.filter((run) => !/\n\s*command = plan\n/.test(run)).map((run) => `${rel}: ${run.split("\n")[0]}`));
  assert.deepEqual(applying, []);
});

it("splits a test file into its runs and the rest", () => {
  const text = 'mock_provider "aws" {}\n\nrun "a" {\n  command = plan\n  assert {\n    condition     = true\n    error_message = "A."\n  }\n}\n\nrun "b" {\n  command = plan\n}\n';
  const { runs, rest } = splitRuns(text);
  assert.deepEqual(runs.map((run) => run.split("\n")[0]), ['run "a" {', 'run "b" {']);
  assert.equal(rest, 'mock_provider "aws" {}\n\n\n');
  assert.deepEqual(assertMessages(runs[0]), ["A."]);
});
