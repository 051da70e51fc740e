// PUT /v1.0/campaigns/{code}: one conditional UpdateItem of the editable fields, returning the new
// item, as update_campaign makes.
import { campaignResponse, notFound, pathCode, readDraft, store, toCampaign, writer } from "../lib/campaigns.mjs";
import { serve } from "../lib/runtime.mjs";
import { updateLive } from "../lib/update-live.mjs";

await serve(() => {
  const { client, table } = store();
  return async (event) => {
    const { sub, refusal } = writer(event);
    if (refusal) return refusal;
    const code = pathCode(event);
    const { draft, rejection } = readDraft(event, code);
    if (rejection) return rejection;

    const item = await updateLive(client, table, code, sub, {
      description: { S: draft.description },
      discountPercentage: { N: String(draft.discountPercentage) },
      productId: { S: draft.productId },
      termsConditionsLink: { S: draft.termsConditionsLink },
      fromDate: { S: draft.fromDate },
      toDate: { S: draft.toDate },
    });
    return item ? campaignResponse(200, toCampaign(item), { "cache-control": "no-store" }) : notFound(code);
  };
});
