// The registry path of check.sh (`./build.sh terraform --provider registry`, GitHub CI) and the
// provider lock files: it must print the lock file to commit and fail while a root has none, pass
// once the file it wrote is committed, and fail when a committed one disagrees. The registry is
// out of reach here, so check.sh runs in a copy of the repository with a fake `terraform` first on
// PATH: fmt, init, validate and test succeed, `providers schema -json` prints the committed schema
// and `providers lock` writes a fixed lock file.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { repoRoot } from "./schema/types.mjs";

const LOCK = `# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version     = "6.37.0"
  constraints = "6.37.0"
  hashes = [
    "h1:fake-linux-amd64",
    "h1:fake-linux-arm64",
    "zh:0000000000000000000000000000000000000000000000000000000000000000",
  ]
}
`;

const FAKE_TERRAFORM = `#!/usr/bin/env bash
# A fake terraform for lockcheck.test.mjs.
chdir=.
args=()
for arg in "$@"; do
  case "$arg" in
    -chdir=*) chdir="\${arg#-chdir=}" ;;
    *) args+=("$arg") ;;
  esac
done
case "\${args[0]} \${args[1]:-}" in
  "providers schema") cat "$FAKE_SCHEMA" ;;
  "providers lock") cp "$FAKE_LOCK" "$chdir/.terraform.lock.hcl" ;;
  fmt*|init*|validate*|test*) exit 0 ;;
  *) echo "fake terraform: unexpected $*" >&2; exit 3 ;;
esac
`;

describe("check.sh --provider registry and the lock files", () => {
  let dir;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "campaigns-lockcheck-"));
    for (const rel of ["terraform", "tests/terraform"]) cpSync(path.join(repoRoot, rel), path.join(dir, "repo", rel), { recursive: true, filter: (src) => !src.includes(".terraform.lock.hcl") });
    for (const table of ["functions.json", "table.json"]) cpSync(path.join(repoRoot, "functions", table), path.join(dir, "repo/functions", table));
    mkdirSync(path.join(dir, "bin"));
    writeFileSync(path.join(dir, "bin/terraform"), FAKE_TERRAFORM);
    chmodSync(path.join(dir, "bin/terraform"), 0o755);
    writeFileSync(path.join(dir, "lock.hcl"), LOCK);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const check = () =>
    spawnSync(path.join(dir, "repo/tests/terraform/check.sh"), ["--provider", "registry", "--results", path.join(dir, "results")], {
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: `${path.join(dir, "bin")}:${process.env.PATH}`,
        FAKE_SCHEMA: path.join(repoRoot, "tests/terraform/schema/aws.json"),
        FAKE_LOCK: path.join(dir, "lock.hcl"),
      },
    });

  it("without committed lock files it prints each one to commit and fails", () => {
    const result = check();
    assert.equal(result.status, 1, result.stderr.slice(-2000));
    for (const root of ["terraform/stack", "terraform/bootstrap"]) {
      assert.match(result.stderr, new RegExp(`${root}/\\.terraform\\.lock\\.hcl is not committed`));
    }
    assert.ok(result.stderr.includes('provider "registry.terraform.io/hashicorp/aws" {'), "the lock file is printed");
    assert.equal(readFileSync(path.join(dir, "repo/.work/terraform/locks/terraform/stack/.terraform.lock.hcl"), "utf8"), LOCK);
  });

  it("with the printed lock files committed it passes", () => {
    for (const root of ["terraform/stack", "terraform/bootstrap"]) writeFileSync(path.join(dir, "repo", root, ".terraform.lock.hcl"), LOCK);
    const result = check();
    assert.equal(result.status, 0, result.stderr.slice(-2000));
  });

  it("with a committed lock file that disagrees it fails", () => {
    writeFileSync(path.join(dir, "repo/terraform/stack/.terraform.lock.hcl"), LOCK.replace("h1:fake-linux-arm64", "h1:another"));
    const result = check();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /terraform\/stack\/\.terraform\.lock\.hcl disagrees with the registry/);
  });
});
