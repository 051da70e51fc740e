import path from "node:path";

// The policies for what Terraform itself cannot see: the backend files, literals and conventions
// in the source text, the Logs Insights query files and the GitHub workflows. (What Terraform
// evaluates is tested by terraform test: terraform/*/tests.) Each takes a loaded tree
// (lib/tree.mjs) and returns the list of violations as readable strings; empty means it holds.

const MODULE_FILES = ["main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md"];

function collect() {
  const found = new Set();
  return {
    add: (message) => found.add(message),
    get list() {
      return [...found];
    },
  };
}

// --- State backends ---------------------------------------------------------------------------------

export function backendViolations(tree) {
  const v = collect();
  const stack = tree.configs.get("terraform/stack");
  const backends = (stack?.terraformBlocks ?? []).flatMap((block) => Object.entries(block.backend ?? {}));
  if (backends.length !== 1 || backends[0][0] !== "s3") {
    v.add(`terraform/stack: needs exactly one backend "s3" block, found ${backends.map(([type]) => type).join(", ") || "none"}`);
  } else {
    const body = backends[0][1][0] ?? {};
    if (body.use_lockfile !== true) v.add('terraform/stack: backend "s3" must set use_lockfile = true (S3-native state locking)');
    if (body.dynamodb_table !== undefined) v.add("terraform/stack: dynamodb_table locking is deprecated; use_lockfile replaces it");
  }
  const environments = (suffix) =>
    [...tree.hclFiles.keys()]
      .filter((rel) => rel.startsWith("terraform/environments/") && rel.endsWith(suffix))
      .map((rel) => path.posix.basename(rel, suffix))
      .sort();
  const withVariables = environments(".tfvars");
  const withBackend = environments(".backend.hcl");
  if (withVariables.length === 0) v.add("no environment under terraform/environments");
  if (JSON.stringify(withVariables) !== JSON.stringify(withBackend)) {
    v.add(`every environment needs both <env>.tfvars and <env>.backend.hcl: tfvars for ${withVariables.join(", ")}, backend for ${withBackend.join(", ")}`);
  }
  const keys = new Map();
  for (const environment of withBackend) {
    const settings = tree.hclFiles.get(`terraform/environments/${environment}.backend.hcl`);
    const variables = tree.hclFiles.get(`terraform/environments/${environment}.tfvars`) ?? {};
    const expected = `campaigns/${environment}/terraform.tfstate`;
    if (settings.key !== expected) v.add(`environments/${environment}: the state key must be ${expected}, found ${JSON.stringify(settings.key ?? null)}`);
    if (keys.has(settings.key)) v.add(`environments/${environment}: shares its state key ${settings.key} with ${keys.get(settings.key)}`);
    keys.set(settings.key, environment);
    if (settings.region !== variables.region) v.add(`environments/${environment}: the state bucket's region ${JSON.stringify(settings.region ?? null)} is not the environment's region ${JSON.stringify(variables.region ?? null)}`);
  }
  for (const [dir, config] of tree.configs) {
    if (dir !== "terraform/stack" && config.terraformBlocks.some((block) => block.backend)) v.add(`${dir}: only terraform/stack declares a backend`);
  }
  return v.list;
}

// --- Literals that belong to an environment, not a module ---------------------------------------------

export function moduleLiteralViolations(tree) {
  const v = collect();
  const accountId = /(?<![\d])\d{12}(?![\d])/;
  const region = /\b(?:us|eu|ap|af|ca|me|sa|il|mx|cn)-(?:gov-|iso-)?(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d\b/;
  for (const [rel, text] of tree.files) {
    if (!rel.startsWith("terraform/modules/") || !rel.endsWith(".tf")) continue;
    text.split("\n").forEach((line, i) => {
      if (accountId.test(line)) v.add(`${rel}:${i + 1}: an AWS account id (12 digits) inside a module: ${line.trim()}`);
      if (region.test(line)) v.add(`${rel}:${i + 1}: a region inside a module (take it from the provider): ${line.trim()}`);
    });
  }
  return v.list;
}

// --- Conventions -----------------------------------------------------------------------------------------

export function conventionViolations(tree) {
  const v = collect();
  const snake = /^[a-z][a-z0-9_]*$/;
  for (const [dir, config] of tree.configs) {
    for (const [name, body] of config.variables) {
      if (body.type === undefined) v.add(`${dir}: variable "${name}" has no type`);
      if (typeof body.description !== "string" || body.description.trim() === "") v.add(`${dir}: variable "${name}" has no description`);
      if (!snake.test(name)) v.add(`${dir}: variable "${name}" is not snake_case`);
    }
    for (const [name, body] of config.outputs) {
      if (typeof body.description !== "string" || body.description.trim() === "") v.add(`${dir}: output "${name}" has no description`);
      if (!snake.test(name)) v.add(`${dir}: output "${name}" is not snake_case`);
    }
    for (const block of [...config.resources, ...config.data, ...config.moduleCalls]) {
      if (!snake.test(block.name)) v.add(`${block.file}: ${block.type ?? "module"} "${block.name}" is not snake_case`);
    }
    for (const name of config.locals.keys()) {
      if (!snake.test(name)) v.add(`${dir}: local "${name}" is not snake_case`);
    }
  }
  for (const name of tree.modules.keys()) {
    for (const file of MODULE_FILES) {
      if (tree.read(`terraform/modules/${name}/${file}`) === undefined) v.add(`modules/${name}: ${file} is missing`);
    }
  }
  return v.list;
}

// --- Logs Insights queries -------------------------------------------------------------------------------

export const COLD_START_QUERY = "terraform/queries/cold_starts_by_function.logsinsights";

export function queryViolations(tree) {
  const v = collect();
  const queries = [...tree.files.keys()].filter((rel) => /^terraform\/queries\/[^/]+\.logsinsights$/.test(rel));
  if (queries.length === 0) v.add("terraform/queries holds no .logsinsights file");
  for (const rel of queries) {
    const text = tree.read(rel);
    if (text.trim() === "") v.add(`${rel} is empty`);
    // Lambda's JSON log format has no @initDuration/@duration/@maxMemoryUsed fields.
    if (/@(initDuration|duration|billedDuration|maxMemoryUsed|memorySize)\b/.test(text)) v.add(`${rel}: uses text-format REPORT fields; the functions log JSON (record.metrics.*)`);
    if (!text.includes('type = "platform.report"')) v.add(`${rel}: must read the JSON platform.report records`);
  }
  const coldStarts = tree.read(COLD_START_QUERY);
  if (coldStarts === undefined) v.add(`${COLD_START_QUERY} is missing`);
  else {
    for (const needle of ["ispresent(record.metrics.initDurationMs)", "record.metrics.durationMs", "max(record.metrics.maxMemoryUsedMB)", "by function", "count(*)"]) {
      if (!coldStarts.includes(needle)) v.add(`${COLD_START_QUERY}: must contain ${needle}`);
    }
    for (const percentile of [50, 90, 99]) {
      const count = (coldStarts.match(new RegExp(`pct\\([^)]*, ${percentile}\\)`, "g")) ?? []).length;
      if (count < 2) v.add(`${COLD_START_QUERY}: needs p${percentile} of the init duration and of init+duration`);
    }
  }
  // One place for the text: Terraform reads the folder, the ops script reads the file.
  const observability = tree.read("terraform/modules/observability/main.tf") ?? "";
  if (!/fileset\(var\.queries_dir, "\*\.logsinsights"\)/.test(observability)) {
    v.add('terraform/modules/observability: saved queries must come from the .logsinsights files (fileset(var.queries_dir, "*.logsinsights"))');
  }
  if (!/queries_dir\s*=\s*"\$\{path\.module\}\/\.\.\/queries"/.test(tree.read("terraform/stack/main.tf") ?? "")) {
    v.add("terraform/stack: module.observability must read queries_dir = terraform/queries");
  }
  const script = tree.read("terraform/scripts/coldstart.sh");
  if (script === undefined) v.add("terraform/scripts/coldstart.sh is missing");
  else {
    if (!script.includes("cold_starts_by_function.logsinsights")) v.add("terraform/scripts/coldstart.sh must run terraform/queries/cold_starts_by_function.logsinsights");
    if (/record\.metrics\.|ispresent\(|\|\s*stats\s/.test(script)) v.add("terraform/scripts/coldstart.sh must not carry its own copy of the query text");
  }
  return v.list;
}

// --- GitHub workflows (line-based: the workflows are simple, block-style YAML) -----------------------------

// Jobs that may mint an OIDC token: apply.yml's job, package.yml's attest job, and the jobs that call them. Every workflow named
// here is held to the rules below; one with no such job lists none.
export const ID_TOKEN_JOBS = { "deploy.yml": ["package", "deploy-dev"], "promote.yml": ["promote"], "apply.yml": ["apply"], "package.yml": ["attest"], "bench.yml": [] };

// Workflows that measure and report: they must never stand between a change and its merge.
export const OFF_MERGE_WORKFLOWS = ["bench.yml"];
const MERGE_EVENTS = ["pull_request", "pull_request_target", "push", "merge_group"];

export function workflowViolations(tree) {
  const v = collect();
  for (const [file, allowed] of Object.entries(ID_TOKEN_JOBS)) {
    const rel = `.github/workflows/${file}`;
    const text = tree.read(rel);
    if (text === undefined) {
      v.add(`${rel} is missing`);
      continue;
    }
    const lines = text.split("\n");
    if (!lines.some((l) => /^permissions:\s*\{\}\s*$/.test(l))) v.add(`${rel}: top-level permissions must be {} (grant per job)`);
    if (!/^concurrency:|^\s{4}concurrency:/m.test(text)) v.add(`${rel}: needs a concurrency group`);
    lines.forEach((line, i) => {
      const uses = /^\s*(?:-\s+)?uses:\s*(\S+)/.exec(line);
      if (!uses || uses[1].startsWith("./")) return;
      if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses[1]) || !/\s#\s*v\d+\.\d+\.\d+\s*$/.test(line)) v.add(`${rel}:${i + 1}: ${uses[1]} is not pinned to a full commit SHA with its release tag in a comment`);
    });
    const checkouts = lines.filter((l) => /uses:\s*actions\/checkout@/.test(l)).length;
    const persist = lines.filter((l) => /^\s*persist-credentials:\s*false\s*$/.test(l)).length;
    if (checkouts !== persist) v.add(`${rel}: every actions/checkout needs persist-credentials: false (${checkouts} checkouts, ${persist} settings)`);

    // Jobs: two-space keys under `jobs:`; job settings at four spaces.
    const start = lines.findIndex((l) => /^jobs:\s*$/.test(l));
    if (start < 0) {
      v.add(`${rel}: no jobs`);
      continue;
    }
    let job = null;
    const jobs = new Map();
    for (const line of lines.slice(start + 1)) {
      if (/^\S/.test(line)) break;
      const header = /^ {2}([\w-]+):\s*$/.exec(line);
      if (header) {
        job = { lines: [] };
        jobs.set(header[1], job);
      } else if (job) job.lines.push(line);
    }
    for (const [name, { lines: body }] of jobs) {
      const setting = (key) => body.some((l) => new RegExp(`^ {4}${key}:`).test(l));
      if (!setting("permissions")) v.add(`${rel}: job ${name} must state its permissions`);
      if (!setting("uses") && !setting("timeout-minutes")) v.add(`${rel}: job ${name} needs timeout-minutes`);
      if (body.some((l) => /^\s+id-token:\s*write/.test(l)) && !allowed.includes(name)) {
        v.add(`${rel}: job ${name} must not have id-token: write (only ${allowed.join(", ")})`);
      }
    }
    for (const name of allowed) {
      if (!jobs.has(name)) v.add(`${rel}: job ${name} is missing`);
    }
    if (OFF_MERGE_WORKFLOWS.includes(file)) {
      for (const event of triggers(lines)) {
        if (MERGE_EVENTS.includes(event)) v.add(`${rel}: must not run on ${event} (it measures; it never gates a merge)`);
      }
    }
  }
  return v.list;
}

// The events under `on:`, in its block form (two-space keys) or inline (`on: push`, `on: [push, pull_request]`).
function triggers(lines) {
  const at = lines.findIndex((l) => /^on:/.test(l));
  if (at < 0) return [];
  const inline = lines[at].replace(/^on:\s*/, "").replace(/#.*$/, "").trim();
  if (inline) return inline.replace(/[[\]]/g, "").split(",").map((e) => e.trim()).filter(Boolean);
  const events = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\S/.test(line)) break;
    const key = /^ {2}([\w-]+):/.exec(line);
    if (key) events.push(key[1]);
  }
  return events;
}
