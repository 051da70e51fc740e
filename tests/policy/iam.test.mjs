import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { iamWildcardViolations, leastPrivilegeViolations } from "./lib/checks.mjs";

describe("IAM: no wildcard actions, policies only as checkable policy documents", () => {
  it("holds for terraform/ and functions/functions.json", () => holds(iamWildcardViolations));
  it("fails on dynamodb:*", () => failsOn(iamWildcardViolations, "iam-wildcard", /wildcard action dynamodb:\*/));
  it("fails on an attached managed policy", () => failsOn(iamWildcardViolations, "iam-managed-policy", /attached policies are not allowed/));
});

describe("IAM: each function holds exactly the DynamoDB actions functions.json lists for it", () => {
  it("holds for terraform/ and functions/functions.json", () => holds(leastPrivilegeViolations));
  it("fails on a function granted an action it does not need", () =>
    failsOn(leastPrivilegeViolations, "iam-extra-grant", /grants dynamodb:DeleteItem, which get_campaign does not need/));
  it("fails on a grant written into the function module", () =>
    failsOn(leastPrivilegeViolations, "iam-module-literal-grant", /grants dynamodb:Scan, which list_campaigns does not need/));
});
