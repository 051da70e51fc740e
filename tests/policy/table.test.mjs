import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { gsiViolations, tableViolations } from "./lib/checks.mjs";

describe("DynamoDB table: on demand, PITR, SSE, audit stream, deletion protection in prod", () => {
  it("holds for terraform/", () => holds(tableViolations));
  it("fails on provisioned capacity", () => failsOn(tableViolations, "table-provisioned", /billing_mode must be "PAY_PER_REQUEST".*found "PROVISIONED"/));
  it("fails without point-in-time recovery", () => failsOn(tableViolations, "table-no-pitr", /legacy: point_in_time_recovery \{ enabled = true \} is required/));
  it("fails with deletion protection off in prod", () => failsOn(tableViolations, "prod-deletion-protection-off", /deletion protection must be on in prod, found false/));
});

describe("DynamoDB keys: PK/SK and CampaignsByStatusIndex on GSI1_PK/GSI1_SK via key_schema", () => {
  it("holds for terraform/ and functions/table.json", () => holds(gsiViolations));
  it("fails on swapped index keys", () => failsOn(gsiViolations, "gsi-wrong-keys", /index CampaignsByStatusIndex must have key_schema .*found \[\["GSI1_SK","HASH"\]/));
  it("fails on the deprecated hash_key/range_key index arguments", () => failsOn(gsiViolations, "gsi-deprecated-keys", /uses the deprecated hash_key\/range_key/));
});
