// POST /v1.0/campaigns: create_campaign's recorded PutItem, on condition that the code was never used.
import { randomUUID } from "node:crypto";
import { ConditionalCheckFailedException, PutItemCommand } from "@aws-sdk/client-dynamodb";
import recording from "../../Campaigns.Bench.Bound/requests/create_campaign.json" with { type: "json" };
import { campaignResponse, now, problem, readDraft, store, toCampaign, writer } from "../lib/campaigns.mjs";
import { replay, withDraft } from "../lib/replay.mjs";
import { serve } from "../lib/runtime.mjs";

await serve(() => {
  const { client, table } = store();
  const putItem = replay(recording, "PutItem");
  return async (event) => {
    const { sub, refusal } = writer(event);
    if (refusal) return refusal;
    const { draft, rejection } = readDraft(event);
    if (rejection) return rejection;

    const input = withDraft(putItem({ table, code: draft.code, id: randomUUID(), now: now(), caller: sub }), draft);
    try {
      await client.send(new PutItemCommand(input));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        return problem(409, "conflict", "Conflict", `Campaign code '${draft.code}' is already in use.`);
      }
      throw error;
    }

    return campaignResponse(201, toCampaign(input.Item), { location: `/v1.0/campaigns/${draft.code}`, "cache-control": "no-store" });
  };
});
