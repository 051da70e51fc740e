// The stand-in's --computed mode (provider/computed.mjs): MessagePack in and out as cty writes
// it, and the computed attributes it fills the way AWS would.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decode, encode, Extension, fillComputed, readData } from "./provider/computed.mjs";

const settings = { region: "eu-west-1", account: "111122223333" };
const roleBlock = { attributes: { name: { type: "string", optional: true }, path: { type: "string", optional: true }, arn: { type: "string", computed: true }, id: { type: "string", optional: true, computed: true }, description: { type: "string", optional: true } } };

describe("computed.mjs", () => {
  it("decodes and encodes MessagePack unchanged, unknowns and dynamic values included", () => {
    // {"a": unknown, "b": ["x", 300, -2, 1.5, true, nil], "c": bin "ab", "d": a 40-character string}
    const value = { a: new Extension(Buffer.from([0xd4, 0x00, 0x00])), b: ["x", 300, -2, 1.5, true, null], c: Buffer.from("ab"), d: "y".repeat(40) };
    const bytes = encode(value);
    const back = decode(bytes);
    assert.deepEqual(back.b, value.b);
    assert.deepEqual(back.c, value.c);
    assert.equal(back.d, value.d);
    assert.ok(back.a instanceof Extension);
    assert.deepEqual(encode(back), bytes);
  });

  it("fills a new role's ARN and id from its name, the region and the account", () => {
    const filled = fillComputed("aws_iam_role", { name: "campaigns-dev-x-role", path: null, arn: null, id: null, description: null }, roleBlock, settings);
    assert.equal(filled.arn, "arn:aws:iam::111122223333:role/campaigns-dev-x-role");
    assert.equal(filled.id, "campaigns-dev-x-role");
    assert.equal(filled.description, null, "an optional, not computed, attribute stays as configured");
  });

  it("keeps values the configuration or an earlier apply set", () => {
    const filled = fillComputed("aws_iam_role", { name: "r", path: null, arn: "arn:aws:iam::999999999999:role/r", id: "r", description: null }, roleBlock, settings);
    assert.equal(filled.arn, "arn:aws:iam::999999999999:role/r");
  });

  it("reads aws_region as the provider's region", () => {
    const read = readData("aws_region", { region: null, id: null }, { attributes: { region: {}, id: {} } }, settings);
    assert.deepEqual(read, { region: "eu-west-1", id: "eu-west-1" });
  });
});
