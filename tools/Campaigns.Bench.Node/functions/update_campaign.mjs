// PUT /v1.0/campaigns/{code}: update_campaign's recorded conditional UpdateItem of the editable fields,
// returning the new item.
import recording from "../../Campaigns.Bench.Bound/requests/update_campaign.json" with { type: "json" };
import { campaignResponse, notFound, now, pathCode, readDraft, store, toCampaign, writer } from "../lib/campaigns.mjs";
import { replay, withDraft } from "../lib/replay.mjs";
import { serve } from "../lib/runtime.mjs";
import { updateLive } from "../lib/update-live.mjs";

await serve(() => {
  const { client, table } = store();
  const updateItem = replay(recording, "UpdateItem");
  return async (event) => {
    const { sub, refusal } = writer(event);
    if (refusal) return refusal;
    const code = pathCode(event);
    const { draft, rejection } = readDraft(event, code);
    if (rejection) return rejection;

    const item = await updateLive(client, withDraft(updateItem({ table, code, now: now(), caller: sub }), draft));
    return item ? campaignResponse(200, toCampaign(item), { "cache-control": "no-store" }) : notFound(code);
  };
});
