// The write update_campaign and delete_campaign share: the recorded UpdateItem, which holds only while the
// campaign exists and is not deleted.
import { ConditionalCheckFailedException, UpdateItemCommand } from "@aws-sdk/client-dynamodb";

/** The item as written, or null when there is no live campaign of that code. */
export async function updateLive(client, input) {
  try {
    const { Attributes } = await client.send(new UpdateItemCommand(input));
    return Attributes;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}
