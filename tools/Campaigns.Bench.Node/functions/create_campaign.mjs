// POST /v1.0/campaigns: PutItem on condition that the code was never used, as create_campaign makes.
import { randomUUID } from "node:crypto";
import { ConditionalCheckFailedException, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { campaignResponse, now, problem, readDraft, store, writer } from "../lib/campaigns.mjs";
import { serve } from "../lib/runtime.mjs";

await serve(() => {
  const { client, table } = store();
  return async (event) => {
    const { sub, refusal } = writer(event);
    if (refusal) return refusal;
    const { draft, rejection } = readDraft(event);
    if (rejection) return rejection;

    const at = now();
    const campaign = { ...draft, id: randomUUID(), status: "ACTIVE", active: true, dateCreated: at, dateLastUpdated: at, version: 1 };
    const item = { PK: `CAMPAIGN#${campaign.code}`, SK: "METADATA", GSI1_PK: "CAMPAIGN", GSI1_SK: `ACTIVE#${campaign.code}`, ...campaign, lastUpdatedBy: sub };
    try {
      await client.send(new PutItemCommand({
        TableName: table,
        Item: marshall(item),
        ConditionExpression: "attribute_not_exists(#pk)",
        ExpressionAttributeNames: { "#pk": "PK" },
      }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        return problem(409, "conflict", "Conflict", `Campaign code '${campaign.code}' is already in use.`);
      }
      throw error;
    }

    return campaignResponse(201, campaign, { location: `/v1.0/campaigns/${campaign.code}`, "cache-control": "no-store" });
  };
});
