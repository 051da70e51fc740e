// Supply-chain rules of the GitHub workflows, checked on the parsed YAML (the `yaml` package of
// tools/), each returning a list of violations like the checks of checks.mjs:
// - every action pinned by the full commit SHA of a release tag, the tag in a comment;
// - AWS credentials configured only after every setup-* action of the job;
// - npm never runs install scripts in a job that holds credentials;
// - promote.yml takes its record through terraform/scripts/promotion-record.sh, run from its own
//   checkout of main with full history;
// - package.yml's attest job alone signs, and apply.yml verifies before it gets credentials.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "./tree.mjs";

const require = createRequire(path.join(repoRoot, "tools/package.json"));
const { parse } = require("yaml");

export const BUILD_NPM = "tools/build/lib/common.sh";

// A file's text: from the tree (workflows, terraform/, a fixture's overlay), else from the checkout.
function read(tree, rel) {
  const text = tree.read(rel);
  if (text !== undefined) return text;
  const abs = path.join(repoRoot, rel);
  return existsSync(abs) ? readFileSync(abs, "utf8") : undefined;
}

// The tree with one file's text changed: a mutated copy for a test to show a rule failing.
export function mutated(tree, rel, change) {
  const text = change(read(tree, rel));
  return { ...tree, read: (r) => (path.posix.normalize(r) === rel ? text : read(tree, r)) };
}

function workflows(tree) {
  return [...tree.files.keys()]
    .filter((rel) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(rel))
    .sort()
    .map((rel) => ({ rel, text: tree.read(rel), yaml: parse(tree.read(rel)) }));
}

const steps = (job) => (Array.isArray(job?.steps) ? job.steps : []);
const jobsOf = (yaml) => Object.entries(yaml?.jobs ?? {});
const usesOf = (step) => (typeof step?.uses === "string" ? step.uses : "");
const grants = (job, permission, level) => job?.permissions?.[permission] === level;

export function pinnedActionViolations(tree) {
  const v = [];
  for (const { rel, text, yaml } of workflows(tree)) {
    const lines = text.split("\n");
    for (const [name, job] of jobsOf(yaml)) {
      for (const uses of [job.uses, ...steps(job).map(usesOf)].filter(Boolean)) {
        if (uses.startsWith("./")) continue;
        const line = lines.find((l) => new RegExp(`^\\s*(?:-\\s+)?uses:\\s*${uses.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(\\s|$)`).test(l)) ?? "";
        if (!/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(uses) || !/\s#\s*v\d+\.\d+\.\d+\s*$/.test(line)) {
          v.push(`${rel}: job ${name}: ${uses} is not pinned to a full commit SHA with its release tag in a comment (uses: owner/action@<40 hex> # vX.Y.Z)`);
        }
      }
    }
  }
  return v;
}

const isAwsCredentials = (step) => /^aws-actions\/configure-aws-credentials@/.test(usesOf(step));
const isSetup = (step) => /^[\w.-]+\/setup-[\w.-]+@/.test(usesOf(step));

export function credentialOrderViolations(tree) {
  const v = [];
  for (const { rel, yaml } of workflows(tree)) {
    for (const [name, job] of jobsOf(yaml)) {
      const list = steps(job);
      const first = list.findIndex(isAwsCredentials);
      if (first < 0) continue;
      list.forEach((step, i) => {
        if (i > first && isSetup(step)) v.push(`${rel}: job ${name}: ${usesOf(step).split("@")[0]} runs after configure-aws-credentials (set up every tool first)`);
      });
    }
  }
  return v;
}

// A job holds credentials when it may mint an OIDC token, configures AWS credentials or reads a secret.
function holdsCredentials(job) {
  return grants(job, "id-token", "write") || steps(job).some(isAwsCredentials) || /\$\{\{\s*secrets\./.test(JSON.stringify(job));
}

const NPM_INSTALL = /\bnpm\s+(ci|install|i)\b/;
const runs = (job) => steps(job).map((s) => (typeof s.run === "string" ? s.run : ""));

export function npmScriptViolations(tree) {
  const v = [];
  let runsBuild = [];
  for (const { rel, yaml } of workflows(tree)) {
    for (const [name, job] of jobsOf(yaml)) {
      if (!holdsCredentials(job)) continue;
      for (const run of runs(job)) {
        for (const line of run.split("\n").filter((l) => NPM_INSTALL.test(l))) {
          if (!line.includes("--ignore-scripts")) v.push(`${rel}: job ${name} holds credentials and runs npm with install scripts: ${line.trim()}`);
        }
      }
      // ./build.sh and the ops scripts (the smoke check) install the Node tools through the build.
      if (runs(job).some((run) => /\.\/build\.sh|terraform\/scripts\//.test(run))) runsBuild.push(`${rel}: job ${name}`);
    }
  }
  if (runsBuild.length) {
    const build = read(tree, BUILD_NPM) ?? "";
    const installs = build.split("\n").filter((l) => /^\s*npm\s+(ci|install|i)\b/.test(l));
    if (installs.length === 0) v.push(`${BUILD_NPM}: no npm install found (the rule cannot see how the build installs the Node tools)`);
    for (const line of installs) {
      if (!line.includes("--ignore-scripts")) v.push(`${BUILD_NPM}: npm runs install scripts, and jobs that hold credentials run the build (${runsBuild.join(", ")}): ${line.trim()}`);
    }
  }
  return v;
}

export function promoteViolations(tree) {
  const v = [];
  const rel = ".github/workflows/promote.yml";
  const yaml = parse(tree.read(rel) ?? "{}");
  const resolve = yaml?.jobs?.resolve;
  if (!resolve) return [`${rel}: no resolve job`];
  if (resolve.if !== "github.ref == 'refs/heads/main'") v.push(`${rel}: resolve must run only from main (if: github.ref == 'refs/heads/main')`);
  const checkout = steps(resolve).find((s) => /^actions\/checkout@/.test(usesOf(s)));
  if (!checkout) v.push(`${rel}: resolve must check out its own ref to run its own copy of the record check`);
  else {
    if (checkout.with?.ref !== undefined || checkout.with?.repository !== undefined) v.push(`${rel}: resolve must check out the workflow's own ref, not ${checkout.with.repository ?? ""}${checkout.with.ref ?? ""}`);
    if (String(checkout.with?.["fetch-depth"]) !== "0") v.push(`${rel}: resolve must check out with fetch-depth: 0 (the ancestor check needs main's history)`);
  }
  const check = steps(resolve).findIndex((s) => /(^|\s)terraform\/scripts\/promotion-record\.sh\s[^\n]*--repo "\$GITHUB_REPOSITORY"[^\n]*--main origin\/main/.test(s.run ?? ""));
  if (check < 0) v.push(`${rel}: resolve must take the record through terraform/scripts/promotion-record.sh --repo "$GITHUB_REPOSITORY" --main origin/main`);
  else {
    const run = steps(resolve)[check].run;
    if (/promotion-record\.sh[^\n]*\|/.test(run)) v.push(`${rel}: promotion-record.sh must not be piped (a pipe's last command would hide its failure)`);
    if (steps(resolve).indexOf(checkout) > check) v.push(`${rel}: resolve must check out before it runs promotion-record.sh`);
    const id = steps(resolve)[check].id;
    for (const output of ["sha", "artifact_run_id", "manifest_sha256"]) {
      if (resolve.outputs?.[output] !== `\${{ steps.${id}.outputs.${output} }}`) v.push(`${rel}: resolve's output ${output} must come from the promotion-record.sh step`);
    }
  }
  if (steps(resolve).some((s) => /^actions\/download-artifact@/.test(usesOf(s)))) v.push(`${rel}: resolve must not download a record itself (promotion-record.sh picks and checks it)`);
  return v;
}

export function attestationViolations(tree) {
  const v = [];
  const packageRel = ".github/workflows/package.yml";
  const pkg = parse(tree.read(packageRel) ?? "{}");
  const attesting = jobsOf(pkg).filter(([, job]) => steps(job).some((s) => /^actions\/attest-build-provenance@/.test(usesOf(s))));
  if (attesting.length !== 1) v.push(`${packageRel}: one job must attest the zips with actions/attest-build-provenance (found ${attesting.length})`);
  for (const [name, job] of jobsOf(pkg)) {
    const signs = attesting.some(([n]) => n === name);
    for (const permission of ["id-token", "attestations"]) {
      if (signs && !grants(job, permission, "write")) v.push(`${packageRel}: job ${name} needs ${permission}: write to attest`);
      if (!signs && grants(job, permission, "write")) v.push(`${packageRel}: job ${name} must not have ${permission}: write (only the attest job signs)`);
    }
    if (signs) {
      const subject = steps(job).find((s) => /^actions\/attest-build-provenance@/.test(usesOf(s)))?.with?.["subject-path"] ?? "";
      if (!/\*\.zip/.test(subject) || !/manifest\.json/.test(subject)) v.push(`${packageRel}: job ${name} must attest every zip and manifest.json (subject-path: ${subject})`);
      if (runs(job).some((run) => /\.\/build\.sh|\bnpm\b|\bdotnet\b|\bnode\b/.test(run))) v.push(`${packageRel}: job ${name} signs: it must not build or install anything`);
      if (steps(job).some((s) => /^actions\/checkout@/.test(usesOf(s)))) v.push(`${packageRel}: job ${name} signs: it must not check out code`);
    }
  }

  const applyRel = ".github/workflows/apply.yml";
  const apply = parse(tree.read(applyRel) ?? "{}")?.jobs?.apply;
  if (!apply) return [...v, `${applyRel}: no apply job`];
  if (!grants(apply, "attestations", "read")) v.push(`${applyRel}: job apply needs attestations: read to verify`);
  const list = steps(apply);
  const verify = list.findIndex((s) => /\bgh attestation verify\b/.test(s.run ?? ""));
  if (verify < 0) v.push(`${applyRel}: no step verifies the zips' attestations (gh attestation verify)`);
  else {
    const run = list[verify].run;
    if (!/--repo "\$GITHUB_REPOSITORY"/.test(run)) v.push(`${applyRel}: gh attestation verify must name this repository (--repo "$GITHUB_REPOSITORY")`);
    if (!/--signer-workflow "\$GITHUB_REPOSITORY\/\.github\/workflows\/package\.yml"/.test(run)) v.push(`${applyRel}: gh attestation verify must pin the signer (--signer-workflow "$GITHUB_REPOSITORY/.github/workflows/package.yml")`);
    if (!/"\$ARTIFACTS_DIR"\/\*\.zip/.test(run) || !/manifest\.json/.test(run)) v.push(`${applyRel}: gh attestation verify must check every zip and manifest.json`);
    if (!/refs\/heads\/main/.test(run)) v.push(`${applyRel}: the attestation's source ref must be checked to be refs/heads/main`);
    const credentials = list.findIndex(isAwsCredentials);
    const applies = list.findIndex((s) => /terraform -chdir="\$WORKDIR" apply /.test(s.run ?? ""));
    if (credentials >= 0 && verify > credentials) v.push(`${applyRel}: the attestations must be verified before AWS credentials are configured`);
    if (applies >= 0 && verify > applies) v.push(`${applyRel}: the attestations must be verified before the apply`);
  }
  return v;
}

// The build image cannot be resolved to a digest offline, so the rule is on the CI step that does it:
// a ci.yml job on pull requests and main runs tools/package/pin-build-image.sh, and nothing lets it fail quietly.
export function buildImagePinViolations(tree) {
  const rel = ".github/workflows/ci.yml";
  const yaml = parse(tree.read(rel) ?? "{}");
  const v = [];
  const events = Object.keys(yaml?.on ?? {});
  for (const event of ["pull_request", "push"]) if (!events.includes(event)) v.push(`${rel}: must run on ${event}`);
  const found = jobsOf(yaml).flatMap(([name, job]) =>
    steps(job)
      .filter((s) => /(^|\s)tools\/package\/pin-build-image\.sh(\s|$)/m.test(s.run ?? ""))
      .map((s) => ({ name, job, step: s })),
  );
  if (found.length === 0) v.push(`${rel}: no job runs tools/package/pin-build-image.sh (the build image would stay on a moving tag unnoticed)`);
  for (const { name, job, step } of found) {
    if (job["continue-on-error"] || step["continue-on-error"]) v.push(`${rel}: job ${name} must fail while the build image is a bare tag (no continue-on-error)`);
    if (job.if || step.if) v.push(`${rel}: job ${name} must run pin-build-image.sh unconditionally`);
    if (/pin-build-image\.sh[^\n]*(\|\||;|\|)/.test(step.run)) v.push(`${rel}: job ${name} must let pin-build-image.sh's status fail the step`);
  }
  return v;
}
