// The write update_campaign and delete_campaign share: one UpdateItem that bumps the version, stamps
// when and by whom, sets the changes, and holds only while the campaign exists and is not deleted.
import { ConditionalCheckFailedException, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { key, now } from "./campaigns.mjs";

/** The item as written, or null when there is no live campaign of that code. */
export async function updateLive(client, table, code, by, changes) {
  const names = { "#pk": "PK", "#status": "status", "#version": "version" };
  const values = { ":one": { N: "1" }, ":deleted": { S: "DELETED" } };
  let set = "SET #version = #version + :one";
  // Placeholders numbered as the product numbers them: after the two fixed values.
  Object.entries({ dateLastUpdated: { S: now() }, lastUpdatedBy: { S: by }, ...changes }).forEach(([name, value], i) => {
    names[`#a${i + 2}`] = name;
    values[`:v${i + 2}`] = value;
    set += `, #a${i + 2} = :v${i + 2}`;
  });
  try {
    const { Attributes } = await client.send(new UpdateItemCommand({
      TableName: table,
      Key: key(code),
      UpdateExpression: set,
      ConditionExpression: "attribute_exists(#pk) AND #status <> :deleted",
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: "ALL_NEW",
    }));
    return Attributes;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}
