// The committed schema (schema/aws.json) against the configuration, and the stand-in provider
// serving it over gRPC. Run: node --test tests/terraform/*.test.mjs

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadProtocol, PROVIDER_ADDRESS, withoutUnknowns } from "./provider/server.mjs";
import { usedTypes } from "./schema/types.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaPath = path.join(here, "schema/aws.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")).provider_schemas[PROVIDER_ADDRESS];
const regenerate = "rerun `node tests/terraform/schema/generate.mjs`";

function difference(a, b) {
  return a.filter((x) => !b.includes(x));
}

describe("schema/aws.json", () => {
  const used = usedTypes();

  test("holds exactly the resource types the configuration under terraform/ uses", () => {
    const held = Object.keys(schema.resource_schemas).sort();
    assert.deepEqual(difference(used.resources, held), [], `used but missing from aws.json: ${regenerate}`);
    assert.deepEqual(difference(held, used.resources), [], `in aws.json but no longer used: ${regenerate}`);
  });

  test("holds exactly the data source types the configuration under terraform/ uses", () => {
    const held = Object.keys(schema.data_source_schemas).sort();
    assert.deepEqual(difference(used.dataSources, held), [], `used but missing from aws.json: ${regenerate}`);
    assert.deepEqual(difference(held, used.dataSources), [], `in aws.json but no longer used: ${regenerate}`);
  });

  test("has the provider block's own schema", () => {
    assert.ok(schema.provider.block.attributes.region, "provider region argument");
    assert.ok(schema.provider.block.block_types.default_tags, "provider default_tags block");
  });
});

describe("the stand-in provider over gRPC", () => {
  let child;
  let client;
  let dir;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-standin-test-"));
    const socket = path.join(dir, "provider.sock");
    child = spawn(process.execPath, [path.join(here, "provider/server.mjs"), socket], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready within 20 s: ${stderr}`)), 20_000);
      let stdout = "";
      child.stdout.on("data", (d) => {
        stdout += d;
        if (stdout.startsWith(`ready ${socket}\n`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before it was ready: ${stderr}`));
      });
    });
    const { grpc, Provider } = loadProtocol();
    client = new Provider(`unix:${socket}`, grpc.credentials.createInsecure());
  });

  after(() => {
    client?.close();
    child?.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = (method, request = {}) =>
    new Promise((resolve, reject) => client[method](request, (err, response) => (err ? reject(err) : resolve(response))));

  test("GetSchema returns the resources and data sources of aws.json", async () => {
    const response = await call("GetSchema");
    assert.deepEqual(Object.keys(response.resource_schemas).sort(), Object.keys(schema.resource_schemas).sort());
    assert.deepEqual(Object.keys(response.data_source_schemas).sort(), Object.keys(schema.data_source_schemas).sort());
    assert.deepEqual(response.diagnostics ?? [], []);
    assert.ok(response.provider.block.attributes.some((a) => a.name === "region"));
  });

  test("GetSchema sends attribute types as JSON cty types and blocks with their nesting", async () => {
    const response = await call("GetSchema");
    for (const [name, resource] of Object.entries(schema.resource_schemas)) {
      const served = response.resource_schemas[name].block;
      for (const [attr, def] of Object.entries(resource.block.attributes ?? {})) {
        const got = served.attributes.find((a) => a.name === attr);
        assert.ok(got, `${name}.${attr} served`);
        assert.deepEqual(JSON.parse(got.type.toString()), def.type, `${name}.${attr} type`);
        assert.equal(Boolean(got.required), Boolean(def.required), `${name}.${attr} required`);
        assert.equal(Boolean(got.computed), Boolean(def.computed), `${name}.${attr} computed`);
      }
      for (const [blockName, def] of Object.entries(resource.block.block_types ?? {})) {
        const got = served.block_types.find((b) => b.type_name === blockName);
        assert.ok(got, `${name}.${blockName} served`);
        assert.equal(got.nesting, def.nesting_mode.toUpperCase(), `${name}.${blockName} nesting`);
        assert.equal(got.max_items ?? 0, def.max_items ?? 0, `${name}.${blockName} max_items`);
      }
    }
  });

  test("PlanResourceChange plans the proposed new state", async () => {
    const proposed = { msgpack: Buffer.from([0x81, 0xa4, ...Buffer.from("name"), 0xa1, 0x78]) };
    const response = await call("PlanResourceChange", { type_name: "aws_iam_role", proposed_new_state: proposed });
    assert.deepEqual(response.planned_state.msgpack, proposed.msgpack);
  });
});

describe("withoutUnknowns", () => {
  test("turns MessagePack extension values (cty unknowns) into nil and keeps the rest", () => {
    // {"a": unknown, "b": ["x", unknown], "c": 1}
    const input = Buffer.from([0x83, 0xa1, 0x61, 0xd4, 0x00, 0x00, 0xa1, 0x62, 0x92, 0xa1, 0x78, 0xc7, 0x02, 0x0c, 0x81, 0xc3, 0xa1, 0x63, 0x01]);
    const expected = Buffer.from([0x83, 0xa1, 0x61, 0xc0, 0xa1, 0x62, 0x92, 0xa1, 0x78, 0xc0, 0xa1, 0x63, 0x01]);
    assert.deepEqual(withoutUnknowns(input), expected);
  });
});
