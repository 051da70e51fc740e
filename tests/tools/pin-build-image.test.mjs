// tools/package/pin-build-image.sh against a docker stand-in that serves a manifest: a Dockerfile
// naming a tag alone fails, printing the lines to commit with the manifest's real digest; a pinned
// one passes; and the committed Dockerfile is in one of those two forms.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const script = path.join(root, "tools/package/pin-build-image.sh");
const dockerfile = path.join(root, ".github/docker/build.Dockerfile");
const manifest = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}';
const digest = `sha256:${createHash("sha256").update(manifest).digest("hex")}`;

function run(text) {
  const dir = mkdtempSync(path.join(tmpdir(), "pin-build-image-"));
  writeFileSync(path.join(dir, "docker"), `#!/bin/bash\necho "docker $*" >>"${dir}/docker.log"\n[[ "$*" == "buildx imagetools inspect --raw "* ]] || exit 2\nprintf '%s' '${manifest}'\n`, { mode: 0o755 });
  const file = path.join(dir, "build.Dockerfile");
  writeFileSync(file, text);
  const result = spawnSync(script, [file], { encoding: "utf8", env: { PATH: `${dir}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: path.join(dir, "summary.md") } });
  return { ...result, dir };
}

const current = readFileSync(dockerfile, "utf8");
const armTag = "public.ecr.aws/sam/build-dotnet10:latest-arm64";

describe("pin-build-image.sh", () => {
  it("fails on a tag alone and prints the lines to commit, with the digest of the manifest the registry serves", () => {
    const result = run(`ARG BASE_IMAGE_ARM64=${armTag}\nFROM \${BASE_IMAGE}\n`);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /::error file=\.github\/docker\/build\.Dockerfile::the build image is named by a moving tag/);
    assert.match(result.stdout, new RegExp(`^# ${armTag}, resolved \\d{4}-\\d{2}-\\d{2}$`, "m"));
    assert.ok(result.stdout.split("\n").includes(`ARG BASE_IMAGE_ARM64=${armTag}@${digest}`), result.stdout);
    assert.match(readFileSync(path.join(result.dir, "summary.md"), "utf8"), /Build image not pinned/);
  });

  it("passes once every line it printed is committed, without asking the registry", () => {
    const printed = run(current).stdout.split("\n").filter((line) => line.startsWith("ARG BASE_IMAGE_"));
    assert.equal(printed.length, 2, "one line per architecture");
    const pinned = printed.reduce((text, line) => text.replace(new RegExp(`^${line.split("=")[0]}=.*$`, "m"), line), current);
    const result = run(pinned);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^pinned: BASE_IMAGE_X64=public\.ecr\.aws\/sam\/build-dotnet10:latest-x86_64@sha256:[0-9a-f]{64}$/m);
    assert.throws(() => readFileSync(path.join(result.dir, "docker.log")));
  });

  it("refuses a short or malformed digest instead of taking it for a pin", () => {
    const result = run(`ARG BASE_IMAGE_ARM64=${armTag}@sha256:abc123\n`);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is neither repository:tag nor/);
  });

  it("the committed Dockerfile names each architecture's image as a tag alone or pinned by digest", () => {
    const lines = current.split("\n").filter((line) => line.startsWith("ARG BASE_IMAGE_"));
    assert.deepEqual(lines.map((line) => line.split("=")[0]), ["ARG BASE_IMAGE_ARM64", "ARG BASE_IMAGE_X64"]);
    for (const line of lines) assert.match(line, /=public\.ecr\.aws\/sam\/build-dotnet10:latest-(arm64|x86_64)(@sha256:[0-9a-f]{64})?$/);
  });
});
