// GET /v1.0/campaigns: ACTIVE, not yet ended campaigns from the status index, a page at a time, with
// list_campaigns's recorded Query for limit + 1 items (to know whether a next page exists).
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import recording from "../../Campaigns.Bench.Bound/requests/list_campaigns.json" with { type: "json" };
import { json, key, problem, store, toCampaign } from "../lib/campaigns.mjs";
import { replay } from "../lib/replay.mjs";
import { serve } from "../lib/runtime.mjs";

await serve(() => {
  const { client, table } = store();
  const query = replay(recording, "Query");
  return async (event) => {
    const parameters = event.queryStringParameters ?? {};
    const limit = /^\d{1,3}$/.test(parameters.limit ?? "50") ? Number(parameters.limit ?? "50") : 0;
    if (limit < 1 || limit > 100) {
      return problem(400, "bad-request", "Bad request", "The limit query parameter is invalid.", { limit: ["must be a whole number from 1 to 100"] });
    }

    const after = parameters.nextToken ? Buffer.from(parameters.nextToken, "base64url").toString("utf8") : undefined;
    let start = after ? { ...key(after), GSI1_PK: { S: "CAMPAIGN" }, GSI1_SK: { S: `ACTIVE#${after}` } } : undefined;
    const today = new Date().toISOString().slice(0, 10);
    const items = [];
    // The toDate filter runs after DynamoDB's Limit: query on until one item past the page, or the end.
    do {
      const page = await client.send(new QueryCommand({ ...query({ table, today }), Limit: limit + 1, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []).map(toCampaign));
      start = page.LastEvaluatedKey;
    } while (items.length <= limit && start);

    const more = items.length > limit;
    items.length = Math.min(items.length, limit);
    return json(200, { items, nextToken: more ? Buffer.from(items.at(-1).code).toString("base64url") : null });
  };
});
