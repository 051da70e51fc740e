// DELETE /v1.0/campaigns/{code}: the soft delete's conditional UpdateItem (DELETED, inactive, out of
// the index's ACTIVE range), as delete_campaign makes.
import { notFound, pathCode, store, writer } from "../lib/campaigns.mjs";
import { serve } from "../lib/runtime.mjs";
import { updateLive } from "../lib/update-live.mjs";

await serve(() => {
  const { client, table } = store();
  return async (event) => {
    const { sub, refusal } = writer(event);
    if (refusal) return refusal;
    const code = pathCode(event);
    const item = await updateLive(client, table, code, sub, {
      status: { S: "DELETED" },
      active: { BOOL: false },
      GSI1_SK: { S: `DELETED#${code}` },
    });
    return item ? { statusCode: 204, headers: { "x-content-type-options": "nosniff", "cache-control": "no-store" } } : notFound(code);
  };
});
