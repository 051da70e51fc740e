// The maps against the tree: the README's layout block and docs/architecture.md's tables must name
// only paths that `git ls-files` has, must show every tracked top-level and second-level folder, and
// every project reference in a .csproj must be one that docs/architecture.md's table allows, and no
// tool's packages.lock.json may hold a test framework.
// Written here rather than taken from a linker of Markdown links: those check links, not the
// folder trees and reference tables that these documents are.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./tree.mjs";

export const README = "README.md";
export const ARCHITECTURE = "docs/architecture.md";

// Folders that exist only in a working tree, never in git: a document may name them freely.
const untracked = new Set(["bin", "obj", "node_modules", "artifacts", ".work", ".terraform", "dynamodb-local"]);

// Names in a "May reference" cell that are not projects of ours.
const external = ["AWS SDK", "AWS SDK for JavaScript", "esbuild"];

// The repository as the checks see it: tracked files, the two documents, each project's references.
export function loadLayout() {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  const read = (rel) => readFileSync(path.join(repoRoot, rel), "utf8");
  const projects = new Map(files.filter((f) => f.endsWith(".csproj")).map((f) => [f, read(f)]));
  const locks = new Map(files.filter((f) => f.endsWith("/packages.lock.json")).map((f) => [f, read(f)]));
  return { files, readme: read(README), architecture: read(ARCHITECTURE), projects, locks };
}

// A documented name as a pattern over tracked paths: <Name> stands for one path segment, * for part of one.
function pattern(name) {
  const source = name
    .replace(/\/$/, "")
    .split(/(<[^>]+>|\*)/)
    .map((part) => (part.startsWith("<") ? "[^/]+" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}(/|$)`);
}

const exists = (files, name) => files.some((file) => pattern(name).test(file));

function folders(files, depth) {
  return [...new Set(files.filter((f) => f.split("/").length > depth).map((f) => f.split("/").slice(0, depth).join("/")))].sort();
}

// The README's layout: the fenced block that starts with `functions/`, as { path, depth, text } entries
// (an entry's own line and the description lines below it); two spaces of indent per level.
export function readmeLayout(readme) {
  const block = [...readme.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]).find((b) => b.startsWith("functions/"));
  if (!block) return null;
  const entries = [];
  const stack = [];
  for (const line of block.split("\n")) {
    const match = /^( *)(\S+)(.*)$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 2;
    if (Number.isInteger(depth) && depth <= 3 && depth <= stack.length) {
      stack.length = depth;
      const name = match[2].replace(/\/$/, "");
      const entry = { path: [...stack.map((e) => e.name), name].join("/"), name, depth, text: match[3] };
      stack.push(entry);
      entries.push(entry);
    } else if (entries.length > 0) {
      entries.at(-1).text += ` ${line.trim()}`;
    }
  }
  return entries;
}

// A Markdown table as rows of cells, found by its header's first cell.
function table(markdown, firstHeader) {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`| ${firstHeader} |`));
  if (start < 0) return [];
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(" | ").map((cell) => cell.trim()));
  }
  return rows;
}

const ticked = (text) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

// Backticked paths and relative links of a document that start in a tracked top-level folder.
function namedPaths(markdown, doc, files) {
  const top = new Set(folders(files, 1));
  // Fenced blocks out first: their backticks would pair with the prose's (the layout block is read above).
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, "");
  const names = ticked(prose).filter((t) => /^\.?[\w.-]+\/[\w.*<>/-]*$/.test(t) && top.has(t.split("/")[0]));
  const links = [...prose.matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(doc), m[1])));
  return [...names, ...links].filter((n) => !n.split("/").some((segment) => untracked.has(segment)));
}

// Every path a map names exists; every tracked top-level and second-level folder is on it.
export function layoutViolations({ files, readme, architecture }) {
  const out = [];
  const entries = readmeLayout(readme);
  if (!entries) return [`${README}: no layout block (a fenced block starting with functions/)`];
  const topLevel = table(architecture, "Folder");
  const projectRows = table(architecture, "Project or folder");
  const firstColumn = (rows) => rows.flatMap((row) => ticked(row[0]));

  for (const entry of entries) {
    if (!exists(files, entry.path)) out.push(`${README}: the layout shows ${entry.path}, which git ls-files does not have`);
  }
  for (const name of [...firstColumn(topLevel), ...firstColumn(projectRows)]) {
    if (!exists(files, name)) out.push(`${ARCHITECTURE}: a table row names ${name}, which git ls-files does not have`);
  }
  for (const [doc, text] of [[README, readme], [ARCHITECTURE, architecture]]) {
    for (const name of new Set(namedPaths(text, doc, files))) {
      if (!exists(files, name)) out.push(`${doc}: names ${name}, which git ls-files does not have`);
    }
  }

  // Shown: a top-level folder has its own entry and row; a second-level one an entry or row of its
  // own, or is named (`name/` or a <placeholder>) in the description of its parent's.
  const mentions = (text, name) => text.split(/[\s,;:()`]+/).some((word) => word && pattern(word.replace(/\/$/, "")).test(name));
  for (const folder of folders(files, 1)) {
    if (!entries.some((e) => e.depth === 0 && e.path.split("/")[0] === folder)) out.push(`${README}: the layout does not show ${folder}/`);
    if (!firstColumn(topLevel).some((n) => n.replace(/\/$/, "") === folder)) out.push(`${ARCHITECTURE}: the top-level table has no row for ${folder}/`);
  }
  for (const folder of folders(files, 2)) {
    const [parent, name] = folder.split("/");
    const entry = entries.find((e) => e.depth === 0 && e.name === parent);
    const shownInReadme = entries.some((e) => e.depth === 1 && pattern(e.path).test(folder)) || (entry && mentions(entry.text, name));
    if (!shownInReadme) out.push(`${README}: the layout does not show ${folder}/`);
    const row = topLevel.find((r) => ticked(r[0]).some((n) => n.replace(/\/$/, "") === parent));
    const shownInArchitecture =
      firstColumn(projectRows).some((n) => pattern(n).test(folder) && n.split("/").length === 2) ||
      (row && ticked(row[1]).some((n) => n.replace(/\/$/, "") === name));
    if (!shownInArchitecture) out.push(`${ARCHITECTURE}: no row shows ${folder}/`);
  }
  return out;
}

const projectName = (file) => path.posix.basename(file, ".csproj");

function references(file, text) {
  return [...text.matchAll(/<ProjectReference\s+Include="([^"]+)"/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1].replaceAll("\\", "/"))));
}

// The row of a project's folder: an exact name wins over a <placeholder> one.
function rowOf(rows, folder) {
  const candidates = rows.flatMap((row) => ticked(row[0]).filter((n) => pattern(n).test(folder) && n.split("/").length === folder.split("/").length).map((n) => ({ row, name: n })));
  return candidates.find((c) => c.name === folder) ?? candidates[0];
}

// Every <ProjectReference> is allowed by the "May reference" cell of its project's row; the product
// (shared/, functions/) reaches nothing in tools/ or tests/, and tools reach nothing in tests/, even
// where a row allows it.
export function referenceViolations({ architecture, projects }) {
  const out = [];
  const rows = table(architecture, "Project or folder");
  const byName = new Map([...projects.keys()].map((f) => [projectName(f), f]));
  const resolve = (word) => byName.get(`Campaigns.${word}`) ?? byName.get(word);
  const direct = new Map([...projects].map(([file, text]) => [file, references(file, text)]));

  for (const [file, refs] of direct) {
    const folder = path.posix.dirname(file);
    const found = rowOf(rows, folder);
    if (!found) {
      out.push(`${ARCHITECTURE}: no row of the projects table is ${folder}, a project`);
      continue;
    }
    const cell = found.row[2] ?? "";
    const allowed = new Set();
    if (!/^(nothing of ours|—)/.test(cell)) {
      for (const item of cell.replace(/\([^)]*\)/g, "").split(",").map((i) => i.trim()).filter(Boolean)) {
        if (external.includes(item)) continue;
        if (item === "that project") {
          const own = /^tests\/(.+)\.Tests$/.exec(folder);
          const target = own && byName.get(own[1]);
          if (target) allowed.add(target);
          else out.push(`${ARCHITECTURE}: ${found.name} says "that project", but ${folder} tests no project`);
          continue;
        }
        const target = resolve(item);
        if (target) allowed.add(target);
        else out.push(`${ARCHITECTURE}: the row of ${found.name} allows "${item}", which is no project`);
      }
    }
    for (const ref of refs) {
      if (!projects.has(ref)) out.push(`${file}: references ${ref}, which git ls-files does not have`);
      else if (!allowed.has(ref)) out.push(`${file}: references ${projectName(ref)}, which its row in ${ARCHITECTURE} (${found.name}: ${cell}) does not allow`);
    }
  }

  const reach = (file, seen = new Set()) => {
    for (const ref of direct.get(file) ?? []) if (!seen.has(ref)) reach(ref, seen.add(ref));
    return seen;
  };
  const area = (file) => file.split("/")[0];
  for (const file of direct.keys()) {
    for (const ref of reach(file)) {
      if (["shared", "functions"].includes(area(file)) && ["tools", "tests"].includes(area(ref))) out.push(`${file}: the product reaches ${ref}`);
      if (area(file) === "tools" && area(ref) === "tests") out.push(`${file}: a tool reaches ${ref}, a test project`);
    }
  }
  return out;
}

// Packages of a test framework: a tool that locks one (directly or through a reference) carries the
// tests' framework into its build.
const testFramework = /^(xunit(\..+)?|shouldly|microsoft\.net\.test\.sdk|coverlet\..+)$/i;

// No project in tools/ locks a test framework package, by whatever path it came.
export function toolPackageViolations({ locks }) {
  const out = [];
  for (const [file, text] of locks) {
    if (!file.startsWith("tools/")) continue;
    const frameworks = Object.values(JSON.parse(text).dependencies ?? {}).flatMap((packages) => Object.keys(packages));
    for (const name of new Set(frameworks.filter((n) => testFramework.test(n)))) out.push(`${file}: a tool locks ${name}, a test framework package`);
  }
  return out;
}
