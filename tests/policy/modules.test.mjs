import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { conventionViolations, moduleLiteralViolations } from "./lib/checks.mjs";

describe("Modules hold no account id and no region", () => {
  it("holds for terraform/modules", () => holds(moduleLiteralViolations));
  it("fails on a 12-digit account id in a module", () => failsOn(moduleLiteralViolations, "module-account-id", /oncall\.tf:3: an AWS account id/));
  it("fails on a region in a module", () => failsOn(moduleLiteralViolations, "module-region", /region\.tf:3: a region inside a module/));
});

describe("Conventions: typed and described variables, snake_case, the five files of a module", () => {
  it("holds for terraform/", () => holds(conventionViolations));
  it("fails on an untyped variable", () => failsOn(conventionViolations, "variable-untyped", /variable "retries" has no type/));
  it("fails on a module without its standard files", () => failsOn(conventionViolations, "module-missing-files", /modules\/cache: versions\.tf is missing/));
});
