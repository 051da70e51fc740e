import assert from "node:assert/strict";
import { loadTree } from "./tree.mjs";

// The repository as it is must satisfy the policy.
export async function holds(check) {
  const violations = check(await loadTree());
  assert.deepEqual(violations, [], `violations:\n  ${violations.join("\n  ")}`);
}

// The fixture (the repository with one deliberate mistake) must be caught, with a message that
// names the mistake.
export async function failsOn(check, fixture, pattern) {
  const violations = check(await loadTree(fixture));
  assert.ok(
    violations.some((message) => pattern.test(message)),
    `fixture ${fixture} should be reported (${pattern}), got:\n  ${violations.join("\n  ") || "(no violation)"}`,
  );
}
