import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { integrationViolations, routeViolations } from "./lib/checks.mjs";

describe("HTTP API integrations use payload format 2.0 (AWS_PROXY)", () => {
  it("holds for terraform/", () => holds(integrationViolations));
  it("fails on an integration left at the provider's default 1.0", () =>
    failsOn(integrationViolations, "integration-payload-1", /legacy: payload_format_version must be "2\.0"/));
});

describe("HTTP API: every write route has the JWT authorizer, every function a route", () => {
  it("holds for terraform/ and functions/functions.json", () => holds(routeViolations));
  it("fails on a write route added without the authorizer", () =>
    failsOn(routeViolations, "route-write-public", /DELETE \/v1\.0\/campaigns\/\{code\}\/purge is a write route without the JWT authorizer/));
  it("fails when functions.json makes a write public, through the route module", () =>
    failsOn(routeViolations, "functions-json-public-write", /\["create_campaign"\]\): POST \/v1\.0\/campaigns is a write route without the JWT authorizer/));
});
