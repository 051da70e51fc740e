// The DynamoDB request each function's store sends for the bench's request, recorded from the product
// (tools/Campaigns.Bench.Bound/requests/<function>.json, ./build.sh bench --record-requests) and bundled
// in: a function fills in its invocation's values and sends it through the SDK's own command, so this
// variant sends the product's request rather than a copy of it.
const TARGET = "DynamoDB_20120810.";
const PLACEHOLDER = /\{\{([a-z]+)\}\}/g;

/**
 * The recorded request of `operation` (the command the function sends), as a function of an invocation's values:
 * each "{{name}}" in the recorded strings becomes values[name]. Throws at init when the recording is of another operation.
 */
export function replay(recording, operation) {
  if (recording?.target !== TARGET + operation) {
    throw new Error(`the recorded request is ${recording?.target}, not ${TARGET + operation}: the function must send what the store sends`);
  }
  return (values) => fill(recording.body, values);
}

/**
 * The request with the body's fields written where the recording wrote them: Item members of the same name, or the
 * values an UpdateExpression's "SET #name = :value" assigns; each keeps its recorded type (S or N).
 */
export function withDraft(request, draft) {
  const assign = (slot, value) => {
    const [type] = Object.keys(slot);
    slot[type] = String(value);
  };
  for (const [name, value] of Object.entries(draft)) {
    if (request.Item?.[name]) assign(request.Item[name], value);
  }
  for (const [, placeholder, valueName] of (request.UpdateExpression ?? "").matchAll(/(#\w+) = (:\w+)/g)) {
    const name = request.ExpressionAttributeNames[placeholder];
    if (name in draft) assign(request.ExpressionAttributeValues[valueName], draft[name]);
  }
  return request;
}

function fill(node, values) {
  if (typeof node === "string") {
    return node.replace(PLACEHOLDER, (_, name) => {
      if (typeof values[name] !== "string") throw new Error(`no value for {{${name}}} in the recorded request`);
      return values[name];
    });
  }
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([name, value]) => [name, fill(value, values)]));
  return node;
}
