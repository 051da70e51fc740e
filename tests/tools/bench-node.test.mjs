// Tests of the bench's node variant (tools/Campaigns.Bench.Node): each function's bundle, built as the
// bench builds it, started against a stand-in Runtime API and a stand-in DynamoDB that records calls.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { bundle } from "../../tools/Campaigns.Bench.Node/build.mjs";
import { replay, withDraft } from "../../tools/Campaigns.Bench.Node/lib/replay.mjs";

const TABLE = "campaigns-bench";
const PRODUCT = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const CONDITION_FAILED = [400, { __type: "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", message: "The conditional request failed" }];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let out;

before(async () => {
  out = mkdtempSync(join(tmpdir(), "bench-node-"));
  await bundle(out);
});

after(() => rmSync(out, { recursive: true, force: true }));

function listen(handler) {
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => handler(req, raw, res));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// DynamoDB's JSON protocol: answer(operation, body) gives [status, body] for each call.
async function fakeDynamoDb(answer) {
  const calls = [];
  const server = await listen((req, raw, res) => {
    const operation = req.headers["x-amz-target"].replace("DynamoDB_20120810.", "");
    const body = JSON.parse(raw);
    calls.push({ operation, body, authorization: req.headers.authorization });
    const [status, reply] = answer(operation, body);
    res.writeHead(status, { "content-type": "application/x-amz-json-1.0" }).end(JSON.stringify(reply));
  });
  return { server, calls, endpoint: `http://127.0.0.1:${server.address().port}` };
}

// Hands out one event, then answers the next `next` with 500 so that the function exits.
async function fakeRuntimeApi(event) {
  const posts = [];
  let served = false;
  const server = await listen((req, raw, res) => {
    if (req.method === "GET" && req.url === "/2018-06-01/runtime/invocation/next") {
      if (served) return res.writeHead(500).end();
      served = true;
      return res.writeHead(200, { "lambda-runtime-aws-request-id": "req-1", "lambda-runtime-trace-id": "Root=1-0-0", "lambda-runtime-deadline-ms": String(Date.now() + 30000) }).end(JSON.stringify(event));
    }
    posts.push({ url: req.url, headers: req.headers, body: JSON.parse(raw) });
    res.writeHead(202).end();
  });
  return { server, posts, address: `127.0.0.1:${server.address().port}` };
}

/** Runs one function's bundle for one event; gives what it posted to the Runtime API, its DynamoDB calls and its exit code. */
async function invoke(fn, event, answer = () => [200, {}], env = {}) {
  const dynamo = await fakeDynamoDb(answer);
  const runtime = await fakeRuntimeApi(event);
  try {
    const child = spawn(process.execPath, [join(out, `${fn}.mjs`)], {
      env: {
        PATH: process.env.PATH, HOME: tmpdir(), AWS_LAMBDA_RUNTIME_API: runtime.address, AWS_LAMBDA_FUNCTION_NAME: fn, TABLE_NAME: TABLE,
        AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local", AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_MAX_ATTEMPTS: "1", ...env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    return { posts: runtime.posts, calls: dynamo.calls, code, stderr };
  } finally {
    dynamo.server.close();
    runtime.server.close();
  }
}

function event(method, route, { code, body, query } = {}) {
  const path = route.replace("{code}", code ?? "");
  return {
    version: "2.0", routeKey: `${method} ${route}`, rawPath: path, rawQueryString: new URLSearchParams(query ?? {}).toString(),
    headers: { authorization: "Bearer bench" }, queryStringParameters: query, pathParameters: code ? { code } : undefined, body: body && JSON.stringify(body), isBase64Encoded: false,
    requestContext: { requestId: "api-1", routeKey: `${method} ${route}`, http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "tests" }, authorizer: { jwt: { claims: { sub: "user-1" } } } },
  };
}

const campaignBody = (code) => ({ code, description: "Summer sale", discountPercentage: 12.5, productId: PRODUCT, termsConditionsLink: "https://example.com/terms", fromDate: "2025-06-01", toDate: "2099-12-31" });

function item(code, { status = "ACTIVE", version = 3 } = {}) {
  return {
    PK: { S: `CAMPAIGN#${code}` }, SK: { S: "METADATA" }, GSI1_PK: { S: "CAMPAIGN" }, GSI1_SK: { S: `${status}#${code}` }, code: { S: code }, id: { S: "6b7e2c1a-1f0e-4c1b-9d5e-2a8f3c4d5e6f" },
    description: { S: "Summer sale" }, discountPercentage: { N: "12.5" }, productId: { S: PRODUCT }, termsConditionsLink: { S: "https://example.com/terms" }, fromDate: { S: "2025-06-01" },
    toDate: { S: "2099-12-31" }, status: { S: status }, active: { BOOL: status !== "DELETED" }, dateCreated: { S: "2025-06-15T10:30:00.123Z" }, dateLastUpdated: { S: "2025-06-15T10:30:00.123Z" },
    lastUpdatedBy: { S: "seed" }, version: { N: String(version) },
  };
}

/** The one response the function posted, as an HTTP API 2.0 response. */
function response(result) {
  assert.equal(result.posts.length, 1, `one post to the Runtime API expected; stderr: ${result.stderr}`);
  assert.equal(result.posts[0].url, "/2018-06-01/runtime/invocation/req-1/response");
  return result.posts[0].body;
}

/** The request the store sends for `fn`, as recorded (tools/Campaigns.Bench.Bound/requests; held to the store by Campaigns.Bench.Tests). */
const recording = (fn) => JSON.parse(readFileSync(new URL(`../../tools/Campaigns.Bench.Bound/requests/${fn}.json`, import.meta.url), "utf8"));

/**
 * Asserts that a sent call is `fn`'s recorded request, member for member, and gives the values it holds where the
 * recording has placeholders (one value per name throughout).
 */
function replayed(fn, call) {
  const { target, body } = recording(fn);
  assert.equal(`DynamoDB_20120810.${call.operation}`, target);
  const values = {};
  match(body, call.body, values, "body");
  return values;
}

function match(recorded, sent, values, path) {
  if (typeof recorded === "string" && recorded.includes("{{")) {
    const names = [];
    const parts = recorded.split(/\{\{([a-z]+)\}\}/).map((part, i) => (i % 2 ? (names.push(part), "(.+?)") : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    const found = typeof sent === "string" && new RegExp(`^${parts.join("")}$`).exec(sent);
    assert.ok(found, `${path}: ${JSON.stringify(sent)} is not the recorded ${JSON.stringify(recorded)}`);
    names.forEach((name, i) => {
      if (name in values) assert.equal(found[i + 1], values[name], `${path}: {{${name}}} differs from its other uses`);
      values[name] = found[i + 1];
    });
  } else if (recorded && typeof recorded === "object") {
    assert.deepEqual(Object.keys(sent ?? {}).sort(), Object.keys(recorded).sort(), `${path}: members`);
    for (const name of Object.keys(recorded)) match(recorded[name], sent[name], values, `${path}.${name}`);
  } else {
    assert.deepEqual(sent, recorded, path);
  }
}

test("get_campaign: the recorded GetItem of the path's code, answered with the campaign and its ETag", async () => {
  const result = await invoke("get_campaign", event("GET", "/v1.0/campaigns/{code}", { code: "bench-read" }), () => [200, { Item: item("BENCH-READ") }]);

  assert.equal(result.calls.length, 1);
  assert.deepEqual(replayed("get_campaign", result.calls[0]), { table: TABLE, code: "BENCH-READ" });
  assert.match(result.calls[0].authorization, /^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/eu-west-1\/dynamodb\/aws4_request/);
  const answer = response(result);
  assert.equal(answer.statusCode, 200);
  assert.equal(answer.headers.etag, '"3"');
  assert.deepEqual(JSON.parse(answer.body), { ...campaignBody("BENCH-READ"), fromDate: "2025-06-01", id: "6b7e2c1a-1f0e-4c1b-9d5e-2a8f3c4d5e6f", status: "ACTIVE", active: true, dateCreated: "2025-06-15T10:30:00.123Z", dateLastUpdated: "2025-06-15T10:30:00.123Z", version: 3 });
});

test("get_campaign: a soft-deleted campaign is a 404 problem", async () => {
  const answer = response(await invoke("get_campaign", event("GET", "/v1.0/campaigns/{code}", { code: "GONE-1" }), () => [200, { Item: item("GONE-1", { status: "DELETED" }) }]));

  assert.equal(answer.statusCode, 404);
  assert.equal(answer.headers["content-type"], "application/problem+json");
});

test("list_campaigns: the recorded index Query for limit + 1; a 51st item means a next page", async () => {
  const items = Array.from({ length: 51 }, (_, i) => item(`LIST-${String(i).padStart(2, "0")}`));
  const result = await invoke("list_campaigns", event("GET", "/v1.0/campaigns", { query: { limit: "50" } }), () => [200, { Items: items, Count: 51 }]);

  assert.equal(result.calls.length, 1);
  assert.deepEqual(replayed("list_campaigns", result.calls[0]), { table: TABLE, today: new Date().toISOString().slice(0, 10) });
  const page = JSON.parse(response(result).body);
  assert.equal(page.items.length, 50);
  assert.equal(page.items[49].code, "LIST-49");
  assert.equal(Buffer.from(page.nextToken, "base64url").toString(), "LIST-49");
});

test("list_campaigns: another limit asks for that limit + 1, and the next page starts after the last one served", async () => {
  let pages = 0;
  const result = await invoke("list_campaigns", event("GET", "/v1.0/campaigns", { query: { limit: "2" } }), () => (pages++ === 0
    ? [200, { Items: [item("LIST-00")], LastEvaluatedKey: { PK: { S: "CAMPAIGN#LIST-00" }, SK: { S: "METADATA" }, GSI1_PK: { S: "CAMPAIGN" }, GSI1_SK: { S: "ACTIVE#LIST-00" } } }]
    : [200, { Items: [item("LIST-01")] }]));

  assert.deepEqual(result.calls.map((c) => c.body.Limit), [3, 3]);
  assert.equal(result.calls[0].body.ExclusiveStartKey, undefined);
  assert.deepEqual(result.calls[1].body.ExclusiveStartKey.GSI1_SK, { S: "ACTIVE#LIST-00" });
  const { Limit, ExclusiveStartKey, ...rest } = result.calls[1].body;
  replayed("list_campaigns", { operation: "Query", body: { ...rest, Limit: recording("list_campaigns").body.Limit } });
  assert.deepEqual(JSON.parse(response(result).body).items.map((c) => c.code), ["LIST-00", "LIST-01"]);
});

test("list_campaigns: a limit out of range is a 400 without a DynamoDB call", async () => {
  const result = await invoke("list_campaigns", event("GET", "/v1.0/campaigns", { query: { limit: "101" } }));

  assert.equal(response(result).statusCode, 400);
  assert.equal(result.calls.length, 0);
});

test("create_campaign: the recorded conditional PutItem of the whole item, answered 201 with its location", async () => {
  const result = await invoke("create_campaign", event("POST", "/v1.0/campaigns", { body: campaignBody("bc-1") }));

  assert.equal(result.calls.length, 1);
  const { id, now, ...values } = replayed("create_campaign", result.calls[0]);
  assert.deepEqual(values, { table: TABLE, code: "BC-1", caller: "user-1" });
  assert.match(id, UUID_V4);
  assert.match(now, TIMESTAMP);
  const answer = response(result);
  assert.equal(answer.statusCode, 201);
  assert.equal(answer.headers.location, "/v1.0/campaigns/BC-1");
  // The item as written, without its keys and writer: whatever else the recording writes is served too.
  const campaign = JSON.parse(answer.body);
  const expected = { ...campaignBody("BC-1"), id, status: "ACTIVE", active: true, dateCreated: now, dateLastUpdated: now, version: 1 };
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((name) => [name, campaign[name]])), expected);
  assert.deepEqual(Object.keys(campaign).filter((name) => /^(PK|SK|GSI1_PK|GSI1_SK|lastUpdatedBy)$/.test(name)), []);
});

test("create_campaign: a body unlike the bench's is written, each field where and as the recording writes it", async () => {
  const body = { ...campaignBody("bc-4"), description: "Autumn sale", discountPercentage: 20, toDate: "2030-01-31" };
  const result = await invoke("create_campaign", event("POST", "/v1.0/campaigns", { body }));

  const sent = result.calls[0].body.Item;
  assert.deepEqual([sent.description, sent.discountPercentage, sent.toDate], [{ S: "Autumn sale" }, { N: "20" }, { S: "2030-01-31" }]);
  const recorded = recording("create_campaign").body.Item;
  replayed("create_campaign", { operation: "PutItem", body: { ...result.calls[0].body, Item: { ...sent, description: recorded.description, discountPercentage: recorded.discountPercentage, toDate: recorded.toDate } } });
});

test("create_campaign: a code in use is a 409", async () => {
  const answer = response(await invoke("create_campaign", event("POST", "/v1.0/campaigns", { body: campaignBody("bc-1") }), () => CONDITION_FAILED));

  assert.equal(answer.statusCode, 409);
});

test("create_campaign: an invalid body is a 400 naming the fields, without a DynamoDB call", async () => {
  const result = await invoke("create_campaign", event("POST", "/v1.0/campaigns", { body: { ...campaignBody("x"), discountPercentage: 0 } }));

  const answer = response(result);
  assert.equal(answer.statusCode, 400);
  assert.deepEqual(Object.keys(JSON.parse(answer.body).errors).sort(), ["code", "discountPercentage"]);
  assert.equal(result.calls.length, 0);
});

test("update_campaign: the recorded conditional UpdateItem, answered with the new item", async () => {
  const { code: _, ...changes } = campaignBody("BENCH-UPDATE");
  const result = await invoke("update_campaign", event("PUT", "/v1.0/campaigns/{code}", { code: "BENCH-UPDATE", body: changes }), () => [200, { Attributes: item("BENCH-UPDATE", { version: 4 }) }]);

  assert.equal(result.calls.length, 1);
  const { now, ...values } = replayed("update_campaign", result.calls[0]);
  assert.deepEqual(values, { table: TABLE, code: "BENCH-UPDATE", caller: "user-1" });
  assert.match(now, TIMESTAMP);
  const answer = response(result);
  assert.equal(answer.statusCode, 200);
  assert.equal(answer.headers.etag, '"4"');
});

test("update_campaign: a body unlike the bench's sets its own values, each in the recording's place", async () => {
  const { code: _, ...changes } = { ...campaignBody("BENCH-UPDATE"), description: "Autumn sale", discountPercentage: 20 };
  const result = await invoke("update_campaign", event("PUT", "/v1.0/campaigns/{code}", { code: "BENCH-UPDATE", body: changes }), () => [200, { Attributes: item("BENCH-UPDATE", { version: 4 }) }]);

  const { ExpressionAttributeNames: names, ExpressionAttributeValues: values } = result.calls[0].body;
  const valueOf = (field) => values[Object.keys(names).find((name) => names[name] === field).replace("#a", ":v")];
  assert.deepEqual([valueOf("description"), valueOf("discountPercentage"), valueOf("toDate")], [{ S: "Autumn sale" }, { N: "20" }, { S: "2099-12-31" }]);
});

test("delete_campaign: the recorded soft delete's conditional UpdateItem, answered 204", async () => {
  const result = await invoke("delete_campaign", event("DELETE", "/v1.0/campaigns/{code}", { code: "BD-1" }), () => [200, { Attributes: item("BD-1", { status: "DELETED" }) }]);

  assert.equal(result.calls.length, 1);
  const { now, ...values } = replayed("delete_campaign", result.calls[0]);
  assert.deepEqual(values, { table: TABLE, code: "BD-1", caller: "user-1" });
  assert.match(now, TIMESTAMP);
  assert.equal(response(result).statusCode, 204);
});

test("delete_campaign: no live campaign of that code is a 404", async () => {
  const answer = response(await invoke("delete_campaign", event("DELETE", "/v1.0/campaigns/{code}", { code: "BD-1" }), () => CONDITION_FAILED));

  assert.equal(answer.statusCode, 404);
});

for (const [fn, method, route, code] of [["create_campaign", "POST", "/v1.0/campaigns"], ["update_campaign", "PUT", "/v1.0/campaigns/{code}", "BENCH-UPDATE"], ["delete_campaign", "DELETE", "/v1.0/campaigns/{code}", "BD-1"]]) {
  test(`${fn}: as the product's, no sub is a 401 and a missing WRITE_SCOPE a 403, without a DynamoDB call`, async () => {
    const anonymous = event(method, route, { code, body: campaignBody(code ?? "bc-2") });
    anonymous.requestContext.authorizer = undefined;
    const readOnly = event(method, route, { code, body: campaignBody(code ?? "bc-2") });
    readOnly.requestContext.authorizer.jwt.scopes = ["campaigns/read"];

    for (const [request, status] of [[anonymous, 401], [readOnly, 403]]) {
      const result = await invoke(fn, request, () => [200, { Attributes: item(code ?? "BC-2") }], { WRITE_SCOPE: "campaigns/write" });
      assert.equal(response(result).statusCode, status);
      assert.equal(response(result).headers["content-type"], "application/problem+json");
      assert.equal(result.calls.length, 0);
    }
  });
}

test("create_campaign: the writer's sub is stored, and the answer serves no writer", async () => {
  const request = event("POST", "/v1.0/campaigns", { body: campaignBody("bc-3") });
  request.requestContext.authorizer.jwt = { claims: { sub: "user-9", email: "ann@example.com" }, scopes: ["campaigns/write"] };
  const result = await invoke("create_campaign", request, () => [200, {}], { WRITE_SCOPE: "campaigns/write" });

  assert.deepEqual(result.calls[0].body.Item.lastUpdatedBy, { S: "user-9" });
  assert.equal(response(result).statusCode, 201);
  assert.doesNotMatch(response(result).body, /user-9|ann@example\.com|lastUpdatedBy/);
});

test("a DynamoDB failure is posted as the invocation's error, and the function goes on to the next event", async () => {
  const result = await invoke("get_campaign", event("GET", "/v1.0/campaigns/{code}", { code: "BENCH-READ" }), () => [500, { __type: "com.amazonaws.dynamodb.v20120810#InternalServerError", message: "boom" }]);

  assert.equal(result.posts.length, 1);
  assert.equal(result.posts[0].url, "/2018-06-01/runtime/invocation/req-1/error");
  assert.equal(result.posts[0].headers["lambda-runtime-function-error-type"], "InternalServerError");
  assert.equal(result.posts[0].body.errorType, "InternalServerError");
  assert.equal(result.code, 1, "exits once the Runtime API answers next with 500");
});

test("without TABLE_NAME, init fails: posted to init/error, and the process exits 1 without asking for an event", async () => {
  const result = await invoke("get_campaign", event("GET", "/v1.0/campaigns/{code}", { code: "BENCH-READ" }), undefined, { TABLE_NAME: "" });

  assert.deepEqual(result.posts.map((p) => [p.url, p.body.errorMessage]), [["/2018-06-01/runtime/init/error", "TABLE_NAME is not set"]]);
  assert.equal(result.code, 1);
});

test("replay: a recording of another operation is refused, and so is a placeholder without a value", () => {
  const recorded = { target: "DynamoDB_20120810.GetItem", body: { TableName: "{{table}}", Key: { PK: { S: "CAMPAIGN#{{code}}" } } } };

  assert.throws(() => replay(recorded, "Query"), /the recorded request is DynamoDB_20120810\.GetItem, not DynamoDB_20120810\.Query/);
  assert.throws(() => replay(recorded, "GetItem")({ table: "t" }), /no value for \{\{code\}\}/);
  assert.deepEqual(replay(recorded, "GetItem")({ table: "t", code: "A-1" }), { TableName: "t", Key: { PK: { S: "CAMPAIGN#A-1" } } });
});

test("replay: a value is set as text, whatever it holds, and the recording itself is left as it was", () => {
  const recorded = { target: "DynamoDB_20120810.PutItem", body: { Item: { by: { S: "{{caller}}" }, n: { N: "1" } } } };
  const fill = replay(recorded, "PutItem");

  assert.deepEqual(withDraft(fill({ caller: '"}, {"$where": 1' }), { n: 2, other: "x" }), { Item: { by: { S: '"}, {"$where": 1' }, n: { N: "2" } } });
  assert.deepEqual(recorded.body.Item, { by: { S: "{{caller}}" }, n: { N: "1" } });
});
