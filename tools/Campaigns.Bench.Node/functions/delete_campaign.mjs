// DELETE /v1.0/campaigns/{code}: delete_campaign's recorded soft delete, one conditional UpdateItem
// (DELETED, inactive, out of the index's ACTIVE range).
import recording from "../../Campaigns.Bench.Bound/requests/delete_campaign.json" with { type: "json" };
import { notFound, now, pathCode, store, writer } from "../lib/campaigns.mjs";
import { replay } from "../lib/replay.mjs";
import { serve } from "../lib/runtime.mjs";
import { updateLive } from "../lib/update-live.mjs";

await serve(() => {
  const { client, table } = store();
  const deleteItem = replay(recording, "UpdateItem");
  return async (event) => {
    const { sub, refusal } = writer(event);
    if (refusal) return refusal;
    const code = pathCode(event);
    const item = await updateLive(client, deleteItem({ table, code, now: now(), caller: sub }));
    return item ? { statusCode: 204, headers: { "x-content-type-options": "nosniff", "cache-control": "no-store" } } : notFound(code);
  };
});
