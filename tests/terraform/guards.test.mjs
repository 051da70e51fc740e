// Every assert of the stack and bootstrap tests has a mutation that must make it fail
// (mutation-list.mjs, run by mutations.mjs): an assert nothing can fail proves nothing.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { MUTATIONS } from "./mutation-list.mjs";
import { repoRoot } from "./schema/types.mjs";

it("every assert message of the tests is guarded by a mutation", () => {
  const messages = ["terraform/stack/tests/stack.tftest.hcl", "terraform/bootstrap/tests/bootstrap.tftest.hcl"].flatMap((rel) =>
    [...readFileSync(path.join(repoRoot, rel), "utf8").matchAll(/error_message = "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\"/g, '"')),
  );
  const unguarded = messages.filter((message) => !MUTATIONS.some((m) => message.startsWith(m.expect)));
  assert.deepEqual(unguarded, []);
});

