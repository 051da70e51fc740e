import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { lambdaViolations } from "./lib/checks.mjs";

describe("Lambda functions: arm64, provided.al2023, bootstrap, JSON logs, published, timeout < 30 s", () => {
  it("holds for terraform/", () => holds(lambdaViolations));
  it("fails on an x86_64 function", () => failsOn(lambdaViolations, "lambda-not-arm64", /architectures must be \["arm64"\], found \["x86_64"\]/));
  it("fails on a managed runtime", () => failsOn(lambdaViolations, "lambda-wrong-runtime", /runtime must be "provided\.al2023", found "dotnet8"/));
  it("fails on text logs", () => failsOn(lambdaViolations, "lambda-text-logs", /log_format = "JSON"/));
});
