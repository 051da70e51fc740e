// The provider lock files, as far as they can be checked without the registry: both roots pin one
// exact hashicorp/aws version, a committed .terraform.lock.hcl locks exactly that version for both
// Lambda build platforms, git would not ignore one, and no comment claims a lock file that is not
// there. Writing the file needs the registry: `./build.sh terraform --provider registry` (GitHub CI)
// prints it and fails until it is committed (lockcheck.test.mjs runs that path on a fake terraform).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "./schema/types.mjs";

const require = createRequire(path.join(repoRoot, "tools/package.json"));
const ROOTS = ["terraform/stack", "terraform/bootstrap"];
const PROVIDER = "registry.terraform.io/hashicorp/aws";

const read = (rel) => readFileSync(path.join(repoRoot, rel), "utf8");

// The exact version a versions.tf pins for hashicorp/aws, or null if it gives a range.
export function pinnedVersion(versionsTf) {
  const block = /aws\s*=\s*\{([^}]*)\}/s.exec(versionsTf)?.[1] ?? "";
  return /^\s*version\s*=\s*"(\d+\.\d+\.\d+)"\s*$/m.exec(block)?.[1] ?? null;
}

// What a lock file says about hashicorp/aws: { version, constraints, h1, zh } (hash counts).
export async function lockedProvider(lockText) {
  const hcl = require("@cdktf/hcl2json");
  const parsed = await hcl.parse(".terraform.lock.hcl", lockText);
  const [entry] = parsed.provider?.[PROVIDER] ?? [];
  if (!entry) return null;
  return {
    version: entry.version,
    constraints: entry.constraints,
    h1: (entry.hashes ?? []).filter((h) => h.startsWith("h1:")).length,
    zh: (entry.hashes ?? []).filter((h) => h.startsWith("zh:")).length,
  };
}

// The problems of one root's lock file (text or null when absent) against its versions.tf.
export async function lockProblems(versionsTf, lockText) {
  const pinned = pinnedVersion(versionsTf);
  const problems = [];
  if (!pinned) problems.push("versions.tf pins no exact hashicorp/aws version");
  if (lockText === null) {
    if (/committed \.terraform\.lock\.hcl/.test(versionsTf)) problems.push("versions.tf speaks of a committed .terraform.lock.hcl that is not there");
    return problems;
  }
  const locked = await lockedProvider(lockText);
  if (!locked) return [...problems, `the lock file has no ${PROVIDER}`];
  if (locked.version !== pinned) problems.push(`locked ${locked.version}, pinned ${pinned}`);
  if (locked.constraints !== pinned) problems.push(`locked for constraints ${locked.constraints}, pinned ${pinned}`);
  // terraform providers lock -platform=linux_amd64 -platform=linux_arm64: one h1 hash per platform.
  if (locked.h1 < 2) problems.push(`${locked.h1} h1 hash(es): lock linux_amd64 and linux_arm64`);
  if (locked.zh < 1) problems.push("no zh hashes (the registry's own checksums)");
  return problems;
}

describe("provider lock files", () => {
  it("both roots pin the same exact hashicorp/aws version", () => {
    const versions = ROOTS.map((root) => pinnedVersion(read(`${root}/versions.tf`)));
    assert.ok(versions[0], "terraform/stack/versions.tf pins an exact version");
    assert.deepEqual(versions, [versions[0], versions[0]]);
  });

  for (const root of ROOTS) {
    it(`${root}: its lock file, if committed, locks the pinned version for both platforms; no comment claims one that is not`, async () => {
      const lockPath = path.join(repoRoot, root, ".terraform.lock.hcl");
      const lockText = existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null;
      assert.deepEqual(await lockProblems(read(`${root}/versions.tf`), lockText), []);
    });

    it(`${root}: git would keep its .terraform.lock.hcl`, () => {
      let ignored = true;
      try {
        execFileSync("git", ["-C", repoRoot, "check-ignore", "-q", `${root}/.terraform.lock.hcl`]);
      } catch (error) {
        ignored = error.status === 0;
      }
      assert.equal(ignored, false);
    });
  }

  describe("the checks fail on what they guard against", () => {
    const versionsTf = 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "6.37.0"\n    }\n  }\n}\n';
    const lock = (version, constraints, hashes) =>
      `provider "${PROVIDER}" {\n  version     = "${version}"\n  constraints = "${constraints}"\n  hashes = [\n${hashes.map((h) => `    "${h}",`).join("\n")}\n  ]\n}\n`;
    const good = ["h1:AAAA", "h1:BBBB", "zh:0000", "zh:1111"];

    it("a lock file of the pinned version for two platforms passes", async () => {
      assert.deepEqual(await lockProblems(versionsTf, lock("6.37.0", "6.37.0", good)), []);
    });

    it("a lock file of another version, or of one platform only, fails", async () => {
      assert.ok((await lockProblems(versionsTf, lock("6.36.0", "6.36.0", good))).some((p) => p.includes("locked 6.36.0")));
      assert.ok((await lockProblems(versionsTf, lock("6.37.0", "6.37.0", ["h1:AAAA", "zh:0000"]))).some((p) => p.includes("1 h1 hash")));
    });

    it("a range instead of an exact version fails", async () => {
      assert.ok((await lockProblems(versionsTf.replace('"6.37.0"', '">= 6.37.0"'), null)).some((p) => p.includes("no exact")));
    });

    it("a comment claiming a committed lock file without one fails", async () => {
      const claiming = versionsTf.replace("terraform {", "# the committed .terraform.lock.hcl locks it\nterraform {");
      assert.ok((await lockProblems(claiming, null)).some((p) => p.includes("not there")));
    });
  });
});
