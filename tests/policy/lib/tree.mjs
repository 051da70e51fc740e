// Loads the repository's Terraform configuration as data: every .tf/.hcl file under terraform/
// converted to JSON by @cdktf/hcl2json, grouped by directory, plus the files the configuration
// reads (functions/*.json, terraform/queries) and the workflows. A fixture is a small set of
// files under tests/policy/fixtures/<name>/, laid out like the repository, that replace or add
// files before loading: the real tree with one deliberate mistake.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const fixturesRoot = path.join(repoRoot, "tests/policy/fixtures");

// What the tree holds, relative to the repository root.
const scannedDirs = ["terraform", ".github/workflows"];
const scannedFiles = ["functions/functions.json", "functions/table.json"];

let hcl2json;
function converter() {
  if (!hcl2json) {
    const require = createRequire(import.meta.url);
    const modulePath = path.join(repoRoot, "tools/node_modules/@cdktf/hcl2json");
    if (!existsSync(modulePath)) {
      throw new Error("@cdktf/hcl2json is not installed: run `npm ci --prefix tools`");
    }
    hcl2json = require(modulePath);
  }
  return hcl2json;
}

function walk(absDir, relDir, out) {
  if (!existsSync(absDir)) return;
  for (const entry of readdirSync(absDir).sort()) {
    if (entry.startsWith(".") && entry !== ".github") continue; // .terraform caches and the like
    const abs = path.join(absDir, entry);
    const rel = relDir ? `${relDir}/${entry}` : entry;
    if (statSync(abs).isDirectory()) walk(abs, rel, out);
    else out.set(rel, readFileSync(abs, "utf8"));
  }
}

function readFiles(fixture) {
  const files = new Map();
  for (const dir of scannedDirs) walk(path.join(repoRoot, dir), dir, files);
  for (const file of scannedFiles) {
    const abs = path.join(repoRoot, file);
    if (existsSync(abs)) files.set(file, readFileSync(abs, "utf8"));
  }
  if (fixture) {
    const dir = path.join(fixturesRoot, fixture);
    if (!existsSync(dir)) throw new Error(`no fixture ${fixture} in ${fixturesRoot}`);
    const overlay = new Map();
    walk(dir, "", overlay);
    if (overlay.size === 0) throw new Error(`fixture ${fixture} is empty`);
    for (const [rel, text] of overlay) files.set(rel, text);
  }
  return files;
}

// Converting HCL is slow (the converter is WebAssembly, ~0.1-0.5 s a file), and node --test runs
// every test file in its own process; so conversions are cached on disk by content hash, under
// the build's scratch folder. A changed file has a new hash: the cache cannot go stale.
const cacheDir = path.join(repoRoot, ".work/policy-hcl-cache");
let version;
function converterVersion() {
  if (version === undefined) {
    const manifest = path.join(repoRoot, "tools/node_modules/@cdktf/hcl2json/package.json");
    version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version : "unknown";
  }
  return version;
}
const parsed = new Map();

async function parseHcl(rel, text) {
  const key = createHash("sha256").update(`${converterVersion()}\0${path.extname(rel)}\0${text}`).digest("hex");
  if (parsed.has(key)) return parsed.get(key);
  const cached = path.join(cacheDir, `${key}.json`);
  let json;
  if (existsSync(cached)) {
    json = JSON.parse(readFileSync(cached, "utf8"));
  } else {
    try {
      json = await converter().parse(rel, text);
    } catch (error) {
      throw new Error(`${rel} is not valid HCL: ${error.message ?? error}`);
    }
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(json));
    renameSync(temporary, cached); // atomic: a concurrent reader sees the whole file or none
  }
  parsed.set(key, json);
  return json;
}

// hcl2json gives every block as an array of bodies; a directory's blocks are the union of its files'.
function emptyConfig(dir) {
  return {
    dir,
    files: [],
    resources: [], // { type, name, body, file }
    data: [],
    moduleCalls: [], // { name, body, file }
    variables: new Map(), // name -> body
    locals: new Map(), // name -> raw expression
    outputs: new Map(),
    terraformBlocks: [],
    providers: [], // { name, body }
  };
}

function addFile(config, rel, text, json) {
  config.files.push({ rel, text, json });
  for (const [kind, target] of [
    ["resource", config.resources],
    ["data", config.data],
  ]) {
    for (const [type, byName] of Object.entries(json[kind] ?? {})) {
      for (const [name, bodies] of Object.entries(byName)) {
        for (const body of bodies) target.push({ type, name, body, file: rel });
      }
    }
  }
  for (const [name, bodies] of Object.entries(json.module ?? {})) {
    for (const body of bodies) config.moduleCalls.push({ name, body, file: rel });
  }
  for (const [name, bodies] of Object.entries(json.variable ?? {})) config.variables.set(name, bodies[0]);
  for (const [name, bodies] of Object.entries(json.output ?? {})) config.outputs.set(name, bodies[0]);
  for (const block of json.locals ?? []) {
    for (const [name, value] of Object.entries(block)) config.locals.set(name, value);
  }
  for (const block of json.terraform ?? []) config.terraformBlocks.push(block);
  for (const [name, bodies] of Object.entries(json.provider ?? {})) {
    for (const body of bodies) config.providers.push({ name, body });
  }
}

// Loads the tree, with the named fixture laid over it.
export async function loadTree(fixture) {
  const files = readFiles(fixture);
  const configs = new Map();
  const hclFiles = new Map(); // environment files (<env>.tfvars, <env>.backend.hcl) by path
  for (const [rel, text] of files) {
    if (!rel.startsWith("terraform/")) continue;
    if (rel.endsWith(".tf")) {
      const dir = path.posix.dirname(rel);
      if (!configs.has(dir)) configs.set(dir, emptyConfig(dir));
      addFile(configs.get(dir), rel, text, await parseHcl(rel, text));
    } else if (rel.startsWith("terraform/environments/") && (rel.endsWith(".backend.hcl") || rel.endsWith(".tfvars"))) {
      hclFiles.set(rel, await parseHcl(rel, text));
    }
  }
  const modules = new Map(
    [...configs]
      .filter(([dir]) => dir.startsWith("terraform/modules/") && !dir.slice("terraform/modules/".length).includes("/"))
      .map(([dir, config]) => [dir.slice("terraform/modules/".length), config]),
  );
  return {
    fixture,
    files,
    configs,
    hclFiles,
    modules,
    read(rel) {
      return files.get(path.posix.normalize(rel));
    },
  };
}

// Every fixture directory, so a test can prove none is left unused.
export function fixtureNames() {
  return readdirSync(fixturesRoot).filter((name) => statSync(path.join(fixturesRoot, name)).isDirectory());
}
