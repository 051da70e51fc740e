// The workflows' supply-chain rules (lib/workflow-rules.mjs) hold for .github/workflows, and each is
// shown failing on a fixture or on a copy of a workflow with one thing changed.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { failsOn, holds } from "./lib/assertions.mjs";
import { loadTree } from "./lib/tree.mjs";
import {
  attestationViolations,
  buildImagePinViolations,
  BUILD_NPM,
  credentialOrderViolations,
  mutated,
  npmScriptViolations,
  pinnedActionViolations,
  promoteViolations,
} from "./lib/workflow-rules.mjs";

// The violations of `check` on the tree with `rel` changed by `change` (which must change it).
async function on(check, rel, change) {
  const tree = await loadTree();
  const changed = mutated(tree, rel, (text) => {
    const next = change(text);
    assert.notEqual(next, text, `the change to ${rel} changed nothing`);
    return next;
  });
  return check(changed).join("\n");
}

describe("every action is pinned by a full commit SHA with its release tag in a comment", () => {
  it("holds for .github/workflows", () => holds(pinnedActionViolations));
  it("fails on tags, even exact ones", () => failsOn(pinnedActionViolations, "workflow-unpinned", /job deploy-dev: actions\/checkout@v4\.2\.2 is not pinned to a full commit SHA/));
  it("fails on a SHA without its tag in a comment", async () =>
    assert.match(await on(pinnedActionViolations, ".github/workflows/ci.yml", (t) => t.replace(/(setup-dotnet@[0-9a-f]{40}) # v[\d.]+/, "$1")), /ci\.yml: job test: actions\/setup-dotnet@[0-9a-f]{40} is not pinned/));
  it("fails on a short SHA", async () =>
    assert.match(await on(pinnedActionViolations, ".github/workflows/package.yml", (t) => t.replace(/attest-build-provenance@([0-9a-f]{12})[0-9a-f]{28}/, "attest-build-provenance@$1")), /job attest: actions\/attest-build-provenance@[0-9a-f]{12} is not pinned/));
});

describe("AWS credentials are configured after every setup action of the job", () => {
  it("holds for .github/workflows", () => holds(credentialOrderViolations));
  it("fails on setup-node after configure-aws-credentials", async () =>
    assert.match(
      await on(credentialOrderViolations, ".github/workflows/apply.yml", (t) => {
        const node = /\n      # The smoke check after the apply runs on Node\.\n      - uses: actions\/setup-node@.*\n        with:\n          node-version: "20"\n/.exec(t)[0];
        return t.replace(node, "\n").replace("\n      - name: Record each function's live version", `${node}\n      - name: Record each function's live version`);
      }),
      /apply\.yml: job apply: actions\/setup-node runs after configure-aws-credentials/,
    ));
});

describe("npm runs no install scripts where credentials are present", () => {
  it("holds for .github/workflows and the build's npm ci", () => holds(npmScriptViolations));
  it("fails on the build's npm ci with scripts, since apply runs the smoke check through it", async () =>
    assert.match(await on(npmScriptViolations, BUILD_NPM, (t) => t.replace(" --ignore-scripts", "")), /common\.sh: npm runs install scripts, and jobs that hold credentials run the build \(.*apply\.yml: job apply/));
  it("fails on npm ci in a job with a secret", async () =>
    assert.match(
      await on(npmScriptViolations, ".github/workflows/apply.yml", (t) => t.replace("      - name: Record each function's live version\n        run: ", "      - name: Record each function's live version\n        run: npm ci --prefix tools && ")),
      /apply\.yml: job apply holds credentials and runs npm with install scripts: npm ci --prefix tools/,
    ));
  it("does not count a job without credentials", async () =>
    assert.equal(await on(npmScriptViolations, ".github/workflows/bench.yml", (t) => t.replace("run: ./build.sh package --arch arm64 --docker", "run: npm ci --prefix tools && ./build.sh package --arch arm64 --docker")), ""));
});

describe("promote.yml accepts only main's records, checked by its own copy of the script", () => {
  const promote = ".github/workflows/promote.yml";
  it("holds for promote.yml", () => holds(promoteViolations));
  it("fails on checking out the promoted commit", async () =>
    assert.match(await on(promoteViolations, promote, (t) => t.replace("          fetch-depth: 0\n", "          fetch-depth: 0\n          ref: ${{ github.event.inputs.sha }}\n")), /must check out the workflow's own ref/));
  it("fails on a shallow checkout", async () => assert.match(await on(promoteViolations, promote, (t) => t.replace("          fetch-depth: 0\n", "")), /fetch-depth: 0/));
  it("fails on taking the newest record without the check", async () =>
    assert.match(await on(promoteViolations, promote, (t) => t.replace(/(?<=\n {10})terraform\/scripts\/promotion-record\.sh [^\n]*/, 'gh api "repos/$GITHUB_REPOSITORY/actions/artifacts" >"$RUNNER_TEMP/record.env"')), /must take the record through terraform\/scripts\/promotion-record\.sh/));
  it("fails on a piped check, whose failure the pipe would hide", async () =>
    assert.match(await on(promoteViolations, promote, (t) => t.replace('--main origin/main >"$RUNNER_TEMP/record.env"', '--main origin/main | tee "$RUNNER_TEMP/record.env"')), /must not be piped/));
  it("fails on a resolve job that runs from any branch", async () =>
    assert.match(await on(promoteViolations, promote, (t) => t.replace("    if: github.ref == 'refs/heads/main'\n", "")), /resolve must run only from main/));
});

describe("package.yml attests the zips' provenance in a job of its own; apply.yml verifies before it deploys", () => {
  it("holds for package.yml and apply.yml", () => holds(attestationViolations));
  it("fails on a package.yml that does not attest", async () =>
    assert.match(await on(attestationViolations, ".github/workflows/package.yml", (t) => t.replace(/      - uses: actions\/attest-build-provenance@[\s\S]*$/, "")), /one job must attest the zips/));
  it("fails on id-token in the job that builds", async () =>
    assert.match(await on(attestationViolations, ".github/workflows/package.yml", (t) => t.replace("    permissions:\n      contents: read\n    # Job-level", "    permissions:\n      contents: read\n      id-token: write\n    # Job-level")), /job package must not have id-token: write/));
  it("fails on an attest job without attestations: write", async () =>
    assert.match(await on(attestationViolations, ".github/workflows/package.yml", (t) => t.replace("      attestations: write\n", "")), /job attest needs attestations: write/));
  it("fails on attesting the manifest only", async () =>
    assert.match(await on(attestationViolations, ".github/workflows/package.yml", (t) => t.replace("            ${{ runner.temp }}/zips/artifacts/arm64/*.zip\n", "")), /must attest every zip and manifest\.json/));
  it("fails on an apply.yml that does not verify", async () =>
    assert.match(await on(attestationViolations, ".github/workflows/apply.yml", (t) => t.replace("gh attestation verify", "echo")), /no step verifies the zips' attestations/));
  it("fails on a verification that does not pin the signer workflow", async () =>
    assert.match(await on(attestationViolations, ".github/workflows/apply.yml", (t) => t.replace(' \\\n              --signer-workflow "$GITHUB_REPOSITORY/.github/workflows/package.yml"', "")), /must pin the signer/));
  it("fails on a verification after the credentials", async () =>
    assert.match(
      await on(attestationViolations, ".github/workflows/apply.yml", (t) => {
        const step = /\n      # Every zip and the manifest must carry[\s\S]*?\n          done\n/.exec(t)[0];
        return t.replace(step, "\n").replace("\n      - name: Record each function's live version", `${step}\n      - name: Record each function's live version`);
      }),
      /verified before AWS credentials are configured/,
    ));
});

describe("ci.yml resolves the build image's digest and fails while the Dockerfile names a tag alone", () => {
  it("holds for ci.yml", () => holds(buildImagePinViolations));
  it("fails without the step", async () =>
    assert.match(await on(buildImagePinViolations, ".github/workflows/ci.yml", (t) => t.replace("      - run: tools/package/pin-build-image.sh\n", "      - run: echo skipped\n")), /no job runs tools\/package\/pin-build-image\.sh/));
  it("fails on a step allowed to fail", async () =>
    assert.match(await on(buildImagePinViolations, ".github/workflows/ci.yml", (t) => t.replace("      - run: tools/package/pin-build-image.sh\n", "      - run: tools/package/pin-build-image.sh || true\n")), /must let pin-build-image\.sh's status fail the step/));
  it("fails on a job that may not fail", async () =>
    assert.match(await on(buildImagePinViolations, ".github/workflows/ci.yml", (t) => t.replace("    name: build image pinned by digest\n", "    name: build image pinned by digest\n    continue-on-error: true\n")), /no continue-on-error/));
});
