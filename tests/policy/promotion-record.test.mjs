// terraform/scripts/promotion-record.sh, run for real against a stand-in for gh (runs, artifacts and
// records a test sets up) and a real local git repository whose main the record's commit is or is
// not on: only a record of this repository's deploy.yml (or promote.yml) run on main, for a commit
// on main, is promoted.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "./lib/tree.mjs";

const script = path.join(repoRoot, "terraform/scripts/promotion-record.sh");
const REPO = "acme/campaigns";

// gh: `api -X GET repos/R/actions/artifacts -f name=N ...` lists $STATE/artifacts.json (all names);
// `api repos/R/actions/runs/ID` prints $STATE/runs/ID.json or fails with a 404;
// `run download ID --repo R --name N --dir D` copies $STATE/records/ID.json to D/N.json.
const ghStub = `#!/bin/bash
echo "gh $*" >>"$LOG"
if [[ "$1" == api && "$*" == *"/actions/artifacts"* ]]; then cat "$STATE/artifacts.json"; exit 0; fi
if [[ "$1" == api && "$2" =~ /actions/runs/([0-9]+)$ ]]; then
  f="$STATE/runs/\${BASH_REMATCH[1]}.json"
  [[ -f "$f" ]] || { echo "gh: Not Found (HTTP 404)" >&2; exit 1; }
  cat "$f"; exit 0
fi
if [[ "$1 $2" == "run download" ]]; then
  id="$3"; shift 3
  while [[ $# -gt 0 ]]; do case "$1" in --name) name="$2"; shift 2 ;; --dir) dir="$2"; shift 2 ;; *) shift ;; esac; done
  [[ -f "$STATE/records/$id.json" ]] || { echo "no artifact" >&2; exit 1; }
  mkdir -p "$dir"; cp "$STATE/records/$id.json" "$dir/$name.json"; exit 0
fi
echo "gh stand-in: unexpected call $*" >&2; exit 2
`;

function git(dir, ...args) {
  const result = spawnSync("git", ["-C", dir, ...args], { encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

// A repository with two commits on main (origin/main) and one on a branch beside it.
function repository(dir) {
  mkdirSync(dir);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "commit", "-q", "--allow-empty", "-m", "first");
  const first = git(dir, "rev-parse", "HEAD");
  git(dir, "commit", "-q", "--allow-empty", "-m", "second");
  const second = git(dir, "rev-parse", "HEAD");
  git(dir, "update-ref", "refs/remotes/origin/main", second);
  git(dir, "checkout", "-q", "-b", "feature", first);
  git(dir, "commit", "-q", "--allow-empty", "-m", "not merged");
  const branch = git(dir, "rev-parse", "HEAD");
  git(dir, "checkout", "-q", "main");
  return { first, second, branch };
}

const goodRun = (id, sha, overrides = {}) => ({
  id,
  event: "push",
  path: ".github/workflows/deploy.yml",
  head_branch: "main",
  head_sha: sha,
  repository: { full_name: REPO },
  head_repository: { full_name: REPO },
  ...overrides,
});

function scenario({ records, runs }) {
  const dir = mkdtempSync(path.join(tmpdir(), "campaigns-promote-"));
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  for (const tool of ["bash", "jq", "git", "mktemp", "rm", "cat", "mkdir", "cp", "dirname", "sed", "head"]) {
    const found = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) writeFileSync(path.join(bin, tool), `#!/bin/sh\nexec ${found} "$@"\n`, { mode: 0o755 });
  }
  writeFileSync(path.join(bin, "gh"), ghStub, { mode: 0o755 });
  const shas = repository(path.join(dir, "checkout"));
  mkdirSync(path.join(dir, "runs"));
  mkdirSync(path.join(dir, "records"));
  const artifacts = [];
  for (const [i, record] of records(shas).entries()) {
    artifacts.push({ name: record.name ?? "deployed-dev", expired: false, created_at: `2026-12-0${i + 1}T10:00:00Z`, workflow_run: { id: record.runId } });
    writeFileSync(path.join(dir, "records", `${record.runId}.json`), JSON.stringify(record.body));
  }
  writeFileSync(path.join(dir, "artifacts.json"), JSON.stringify({ total_count: artifacts.length, artifacts }));
  for (const run of runs(shas)) writeFileSync(path.join(dir, "runs", `${run.id}.json`), JSON.stringify(run));
  const env = { PATH: bin, HOME: dir, LOG: path.join(dir, "calls.log"), STATE: dir, GITHUB_STEP_SUMMARY: path.join(dir, "summary.md") };
  return { dir, shas, run: (target = "sit") => spawnSync(script, [target, "--repo", REPO, "--git-dir", path.join(dir, "checkout")], { env, encoding: "utf8", timeout: 60_000 }) };
}

const record = (sha, runId = 100) => ({ environment: "dev", artifact_sha: sha, artifact_run_id: String(runId), manifest_sha256: "a".repeat(64), deployed_by_run: String(runId), deployed_at: "2026-12-06T10:00:00Z" });

// DEV's record from deploy.yml run 100 (push to main) of `second`, plus whatever a test lays over it.
function dev({ recordRun = {}, sha = (s) => s.second, extra = [] } = {}) {
  return scenario({
    records: (s) => [{ runId: 100, body: record(sha(s)) }, ...extra.map((e) => e.record(s))],
    runs: (s) => [goodRun(100, sha(s), recordRun), ...extra.map((e) => e.run(s))],
  });
}

describe("promotion-record.sh", () => {
  it("accepts DEV's record of deploy.yml on a push to main, for a commit on main, and prints what apply.yml takes", () => {
    const { run, shas, dir } = dev();
    const result = run();
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, ["source=dev", `sha=${shas.second}`, "artifact_run_id=100", `manifest_sha256=${"a".repeat(64)}`, "record_run_id=100", ""].join("\n"));
    assert.match(readFileSync(path.join(dir, "summary.md"), "utf8"), /Promote dev → sit[\s\S]*an ancestor of main/);
  });

  it("accepts an older commit of main too", () => {
    const result = dev({ sha: (s) => s.first }).run();
    assert.equal(result.status, 0, result.stderr);
  });

  it("refuses a record from another branch", () => {
    const result = dev({ recordRun: { head_branch: "feature" } }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /refused deployed-dev of run 100: it ran on the branch feature, not main/);
    assert.equal(result.stdout, "");
  });

  it("refuses a record from a pull_request event", () => {
    const result = dev({ recordRun: { event: "pull_request" } }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /run 100: it ran on a pull_request event, not push/);
  });

  it("refuses a record from another workflow", () => {
    const result = dev({ recordRun: { path: ".github/workflows/ci.yml" } }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /run 100: it ran \.github\/workflows\/ci\.yml, not \.github\/workflows\/deploy\.yml/);
  });

  it("refuses a record from a fork's pull request, even one that names main", () => {
    const result = dev({ recordRun: { event: "pull_request", head_repository: { full_name: "mallory/campaigns" } } }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /it ran the code of mallory\/campaigns \(a fork\), not acme\/campaigns/);
    assert.match(result.stderr, /no deployment record of dev comes from \.github\/workflows\/deploy\.yml on main/);
  });

  it("refuses a sha that is not an ancestor of origin/main", () => {
    const result = dev({ sha: (s) => s.branch }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /refused: [0-9a-f]{40} is not an ancestor of origin\/main/);
    assert.equal(result.stdout, "");
  });

  it("refuses a sha this repository has never seen", () => {
    const result = dev({ sha: () => "f".repeat(40) }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is not a commit of this repository's history/);
  });

  it("skips a newer record from a fork and promotes the newest one from main", () => {
    const forkRecord = { record: (s) => ({ runId: 200, body: record(s.branch, 200) }), run: (s) => goodRun(200, s.branch, { event: "pull_request", head_branch: "main", head_repository: { full_name: "mallory/campaigns" } }) };
    const result = dev({ extra: [forkRecord] }).run();
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /refused deployed-dev of run 200: .*a fork/);
    assert.match(result.stdout, /^record_run_id=100$/m);
  });

  it("refuses a record from main whose zips were built by another run than deploy.yml's", () => {
    const result = scenario({
      records: (s) => [{ runId: 100, body: record(s.second, 300) }],
      runs: (s) => [goodRun(100, s.second), goodRun(300, s.second, { path: ".github/workflows/package.yml", event: "workflow_dispatch" })],
    }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /the zips of [0-9a-f]{40} come from run 300, and it ran \.github\/workflows\/package\.yml/);
  });

  it("refuses a record whose zips were built from another commit than the one it names", () => {
    const result = scenario({
      records: (s) => [{ runId: 100, body: record(s.second, 300) }],
      runs: (s) => [goodRun(100, s.second), goodRun(300, s.first)],
    }).run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /run 300 built [0-9a-f]{40}, not [0-9a-f]{40}/);
  });

  it("to PROD takes SIT's record only from promote.yml run by hand on main", () => {
    const sitRecord = (s) => ({ ...record(s.second), environment: "sit" });
    const build = (recordRun) => scenario({
      records: (s) => [{ runId: 400, name: "deployed-sit", body: sitRecord(s) }],
      runs: (s) => [goodRun(100, s.second), goodRun(400, s.first, { path: ".github/workflows/promote.yml", event: "workflow_dispatch", ...recordRun })],
    }).run("prod");
    const good = build({});
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /^source=sit$/m);
    const fromBranch = build({ head_branch: "try-prod" });
    assert.equal(fromBranch.status, 1);
    assert.match(fromBranch.stderr, /run 400: it ran on the branch try-prod, not main/);
  });
});
