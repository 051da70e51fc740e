// Every pull request runs the arm64 leg: ci.yml, on pull_request, has a job on an arm64 runner that
// packages the arm64 zips and runs the end-to-end suite on them, unconditionally. Shown failing on
// copies of ci.yml with one thing changed.

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, it } from "node:test";
import { holds } from "./lib/assertions.mjs";
import { loadTree, repoRoot } from "./lib/tree.mjs";
import { mutated } from "./lib/workflow-rules.mjs";

const { parse } = createRequire(path.join(repoRoot, "tools/package.json"))("yaml");
const CI = ".github/workflows/ci.yml";

function arm64LegViolations(tree) {
  const yaml = parse(tree.read(CI) ?? "{}");
  if (!Object.keys(yaml?.on ?? {}).includes("pull_request")) return [`${CI}: must run on pull_request`];
  const runs = (job, pattern) => (job.steps ?? []).findIndex((s) => pattern.test(s.run ?? "") && !s.if && !s["continue-on-error"]);
  const legs = Object.entries(yaml.jobs ?? {}).filter(([, job]) => {
    const packaged = runs(job, /^\.\/build\.sh package --arch arm64\b/m);
    const tested = runs(job, /^\.\/build\.sh end-to-end --zips artifacts\/arm64\s*$/m);
    return job["runs-on"] === "ubuntu-24.04-arm" && packaged >= 0 && tested > packaged;
  });
  if (legs.length === 0) return [`${CI}: no job on ubuntu-24.04-arm packages the arm64 zips and then runs ./build.sh end-to-end --zips artifacts/arm64`];
  return legs.flatMap(([name, job]) =>
    job.if || job["continue-on-error"] ? [`${CI}: job ${name} must run the arm64 leg on every pull request (no if, no continue-on-error)`] : [],
  );
}

async function on(change) {
  const tree = await loadTree();
  return arm64LegViolations(mutated(tree, CI, (text) => {
    const next = change(text);
    assert.notEqual(next, text, `the change to ${CI} changed nothing`);
    return next;
  })).join("\n");
}

describe("every pull request runs the arm64 leg natively (package arm64, then end-to-end on those zips)", () => {
  it("holds for ci.yml", () => holds(arm64LegViolations));
  it("fails when the job runs on x64", async () =>
    assert.match(await on((t) => t.replace("runs-on: ubuntu-24.04-arm", "runs-on: ubuntu-24.04")), /no job on ubuntu-24\.04-arm/));
  it("fails when the end-to-end step is gone", async () =>
    assert.match(await on((t) => t.replace("run: ./build.sh end-to-end --zips artifacts/arm64", "run: echo skipped")), /no job on ubuntu-24\.04-arm/));
  it("fails when the job is skipped on pull requests", async () =>
    assert.match(await on((t) => t.replace("    runs-on: ubuntu-24.04-arm\n", "    runs-on: ubuntu-24.04-arm\n    if: github.event_name == 'push'\n")), /job arm64 must run the arm64 leg on every pull request/));
  it("fails when ci.yml no longer runs on pull requests", async () =>
    assert.match(await on((t) => t.replace("  pull_request:\n", "")), /must run on pull_request/));
});
