// GET /v1.0/campaigns/{code}: one consistent GetItem, as get_campaign makes.
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { campaignResponse, key, notFound, pathCode, store, toCampaign } from "../lib/campaigns.mjs";
import { serve } from "../lib/runtime.mjs";

await serve(() => {
  const { client, table } = store();
  return async (event) => {
    const code = pathCode(event);
    const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: key(code), ConsistentRead: true }));
    return Item && Item.status?.S !== "DELETED" ? campaignResponse(200, toCampaign(Item)) : notFound(code);
  };
});
