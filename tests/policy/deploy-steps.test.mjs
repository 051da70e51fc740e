// The order of apply.yml's steps is what makes a deployment safe: the live versions recorded before
// the apply, the smoke check after it, PROD's canary after that and before the deployment record
// (so nothing is promoted from a failed canary), and the canary only in PROD and only when not
// skipped. Checked on the parsed workflow, and shown failing on altered copies of it.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "./lib/tree.mjs";

const require = createRequire(path.join(repoRoot, "tools/package.json"));
const { parse, stringify } = require("yaml");

const applyText = readFileSync(path.join(repoRoot, ".github/workflows/apply.yml"), "utf8");

function stepViolations(text) {
  const v = [];
  const steps = parse(text).jobs.apply.steps;
  const at = (test, what) => {
    const i = steps.findIndex(test);
    if (i < 0) v.push(`no step ${what}`);
    return i;
  };
  const record = at((s) => /live-versions\.sh/.test(s.run ?? ""), "records the live versions");
  const plan = at((s) => /terraform -chdir="\$WORKDIR" plan /.test(s.run ?? ""), "plans");
  const apply = at((s) => /terraform -chdir="\$WORKDIR" apply /.test(s.run ?? ""), "applies");
  const smoke = at((s) => /smoke-or-rollback\.sh/.test(s.run ?? "") && !/canary\.sh/.test(s.run ?? ""), "runs the smoke check after the apply");
  const canary = at((s) => /canary\.sh/.test(s.run ?? ""), "runs the canary");
  const deployed = at((s) => /deployed-\$ENVIRONMENT\.json/.test(s.run ?? ""), "records the deployment");
  const rollback = at((s) => /terraform\/scripts\/rollback\.sh/.test(s.run ?? ""), "rolls back when a step fails");
  if (v.length) return v;
  if (!(record < plan && plan < apply && apply < smoke && smoke < canary && canary < rollback && rollback < deployed)) {
    v.push("steps out of order: live versions, plan, apply, smoke check, canary, rollback on failure, deployment record");
  }
  const restore = steps[rollback];
  if (!/failure\(\)/.test(restore.if ?? "") || !/cancelled\(\)/.test(restore.if ?? "") || /&&/.test(restore.if ?? "")) {
    v.push(`the rollback must run when any step above failed or the job was cancelled (if: ${restore.if})`);
  }
  if (!/rollback\.sh "\$ENVIRONMENT" --from "\$record"/.test(restore.run) || !/record="\$RUNNER_TEMP\/live-before\.json"/.test(restore.run)) {
    v.push("the rollback must put back the versions recorded before the apply");
  }
  const planRun = steps[plan].run;
  if (!/canary_from_versions/.test(planRun) || !/-var canary_weight=0/.test(planRun)) v.push("the plan must pass the recorded versions (canary_from_versions) and canary_weight=0 on skip-canary");
  const step = steps[canary];
  if (step.if !== "inputs.environment == 'prod' && !inputs.skip-canary") v.push(`the canary must run only in PROD and not on skip-canary (if: ${step.if})`);
  if (!/canary\.sh "\$ENVIRONMENT" --before "\$RUNNER_TEMP\/live-before\.json"/.test(step.run)) v.push("the canary must roll back to the versions recorded before the apply");
  if (!/canary\.sh[\s\S]*smoke-or-rollback\.sh/.test(step.run)) v.push("the smoke check must run again once live has all of the traffic");
  return v;
}

describe("apply.yml: live versions recorded, smoke check, PROD canary, then the deployment record", () => {
  it("holds for .github/workflows/apply.yml", () => assert.deepEqual(stepViolations(applyText), []));

  it("fails on a canary in every environment", () => {
    const text = applyText.replace("if: inputs.environment == 'prod' && !inputs.skip-canary", "if: ${{ !inputs.skip-canary }}");
    assert.notEqual(text, applyText);
    assert.match(stepViolations(text).join("\n"), /only in PROD/);
  });

  it("fails on the deployment recorded before the canary", () => {
    const parsed = parse(applyText);
    const steps = parsed.jobs.apply.steps;
    const canary = steps.findIndex((s) => /canary\.sh/.test(s.run ?? ""));
    steps.push(steps.splice(canary, 1)[0]);
    assert.match(stepViolations(stringify(parsed)).join("\n"), /out of order/);
  });

  it("fails without a rollback when a step fails, or with one that skips a cancelled job", () => {
    const parsed = parse(applyText);
    const steps = parsed.jobs.apply.steps;
    const rollback = steps.findIndex((s) => /terraform\/scripts\/rollback\.sh/.test(s.run ?? ""));
    const [step] = steps.splice(rollback, 1);
    assert.match(stepViolations(stringify(parsed)).join("\n"), /no step rolls back when a step fails/);
    steps.splice(rollback, 0, { ...step, if: "failure()" });
    assert.match(stepViolations(stringify(parsed)).join("\n"), /when any step above failed or the job was cancelled/);
  });

  it("fails on a rollback placed before the canary or after the deployment record", () => {
    for (const to of ["before the canary", "at the end"]) {
      const parsed = parse(applyText);
      const steps = parsed.jobs.apply.steps;
      const [step] = steps.splice(steps.findIndex((s) => /terraform\/scripts\/rollback\.sh/.test(s.run ?? "")), 1);
      if (to === "at the end") steps.push(step);
      else steps.splice(steps.findIndex((s) => /canary\.sh/.test(s.run ?? "")), 0, step);
      assert.match(stepViolations(stringify(parsed)).join("\n"), /out of order/, to);
    }
  });

  it("fails on a plan that does not pass the recorded versions", () => {
    const text = applyText.replace("jq '{canary_from_versions:", "jq '{versions:");
    assert.notEqual(text, applyText);
    assert.match(stepViolations(text).join("\n"), /canary_from_versions/);
  });

  it("promote.yml passes skip-canary on to apply.yml", () => {
    const promote = parse(readFileSync(path.join(repoRoot, ".github/workflows/promote.yml"), "utf8"));
    assert.equal(promote.on.workflow_dispatch.inputs["skip-canary"].type, "boolean");
    assert.equal(promote.on.workflow_dispatch.inputs["skip-canary"].default, false);
    assert.equal(promote.jobs.promote.with["skip-canary"], "${{ inputs.skip-canary }}");
  });
});
