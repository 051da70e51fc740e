import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { workflowViolations } from "./lib/checks.mjs";

describe("Workflows deploy.yml, promote.yml, apply.yml and bench.yml: permissions {} at the top, id-token only where AWS is reached, pinned actions, the bench never on a push or pull request", () => {
  it("holds for .github/workflows", () => holds(workflowViolations));
  it("fails on loose permissions, floating tags and id-token in the wrong job", () =>
    failsOn(workflowViolations, "workflow-unpinned", /job lint must not have id-token: write/));
  it("fails on an action pinned to a major version only", () => failsOn(workflowViolations, "workflow-unpinned", /actions\/checkout@v4 is not pinned/));
  it("fails on a bench that runs on pushes or pull requests", () =>
    failsOn(workflowViolations, "workflow-bench-on-push", /bench\.yml: must not run on push/));
  it("fails on a bench that runs on pull requests, written inline", () =>
    failsOn(workflowViolations, "workflow-bench-on-pull-request", /bench\.yml: must not run on pull_request/));
});
