import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { fixtureNames } from "./lib/tree.mjs";

it("every fixture is used by a test (an unused fixture proves nothing)", () => {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const tests = readdirSync(dir)
    .filter((name) => name.endsWith(".test.mjs"))
    .map((name) => readFileSync(path.join(dir, name), "utf8"))
    .join("\n");
  const unused = fixtureNames().filter((name) => !tests.includes(`"${name}"`));
  assert.deepEqual(unused, []);
});
