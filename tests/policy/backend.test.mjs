import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { backendViolations } from "./lib/checks.mjs";

describe("State: S3 backend with use_lockfile and a state key per environment", () => {
  it("holds for terraform/environments", () => holds(backendViolations));
  it("fails on a backend without use_lockfile", () => failsOn(backendViolations, "backend-no-lockfile", /environments\/sit: backend "s3" must set use_lockfile = true/));
});
