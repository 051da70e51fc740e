import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { fixturesRoot, repoRoot } from "./lib/tree.mjs";

const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" });
const skip = terraform.error ? "terraform is not installed on this machine (CI's deploy workflow runs fmt -check)" : false;

function fmtCheck(target) {
  return spawnSync("terraform", ["fmt", "-check", "-recursive", "-list=true", target], { cwd: repoRoot, encoding: "utf8" });
}

describe("terraform fmt -check -recursive terraform", { skip }, () => {
  it("passes", () => {
    const result = fmtCheck("terraform");
    assert.equal(result.status, 0, `unformatted files (run terraform fmt -recursive terraform):\n${result.stdout}${result.stderr}`);
  });
  it("fails on an unformatted file", () => {
    const result = fmtCheck(path.relative(repoRoot, path.join(fixturesRoot, "fmt-unformatted")));
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /main\.tf/);
  });
});
