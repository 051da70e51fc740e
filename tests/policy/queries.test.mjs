import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { queryViolations } from "./lib/checks.mjs";

describe("Cold-start queries: JSON platform.report, one text shared by Terraform and coldstart.sh", () => {
  it("holds for terraform/queries, the observability module and the script", () => holds(queryViolations));
  it("fails on a query written for text-format logs", () => failsOn(queryViolations, "query-text-format", /uses text-format REPORT fields/));
});
