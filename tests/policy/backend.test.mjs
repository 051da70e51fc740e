import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { backendViolations } from "./lib/checks.mjs";

describe("State: S3 backend with use_lockfile, a state key and region per environment", () => {
  it("holds for terraform/stack and terraform/environments", () => holds(backendViolations));
  it("fails on a backend without use_lockfile", () => failsOn(backendViolations, "backend-no-lockfile", /terraform\/stack: backend "s3" must set use_lockfile = true/));
  it("fails on two environments sharing a state key", () =>
    failsOn(backendViolations, "backend-shared-key", /environments\/sit: the state key must be campaigns\/sit\/terraform\.tfstate/));
});
