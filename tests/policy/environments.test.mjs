import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { environmentViolations } from "./lib/checks.mjs";

describe("Environments: dev/sit in eu-west-1, prod in af-south-1, allowed_account_ids, default tags, shared files identical", () => {
  it("holds for terraform/environments", () => holds(environmentViolations));
  it("fails on a provider without allowed_account_ids", () =>
    failsOn(environmentViolations, "env-no-allowed-accounts", /environments\/prod: the aws provider must set allowed_account_ids/));
  it("fails when an environment's shared file drifts", () =>
    failsOn(environmentViolations, "env-no-allowed-accounts", /environments\/prod\/providers\.tf differs from environments\/dev\/providers\.tf/));
});
