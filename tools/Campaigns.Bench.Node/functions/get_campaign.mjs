// GET /v1.0/campaigns/{code}: get_campaign's recorded GetItem (consistent) of the path's code.
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import recording from "../../Campaigns.Bench.Bound/requests/get_campaign.json" with { type: "json" };
import { campaignResponse, notFound, pathCode, store, toCampaign } from "../lib/campaigns.mjs";
import { replay } from "../lib/replay.mjs";
import { serve } from "../lib/runtime.mjs";

await serve(() => {
  const { client, table } = store();
  const getItem = replay(recording, "GetItem");
  return async (event) => {
    const code = pathCode(event);
    const { Item } = await client.send(new GetItemCommand(getItem({ table, code })));
    return Item && Item.status?.S !== "DELETED" ? campaignResponse(200, toCampaign(Item)) : notFound(code);
  };
});
