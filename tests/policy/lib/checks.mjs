// The policies. Each takes a loaded tree (lib/tree.mjs) and returns the list of violations as
// readable strings; an empty list means the policy holds. A value the evaluator cannot work out
// counts as a violation ("cannot prove"): a policy never passes on something it could not see.

import path from "node:path";
import { blocks, evaluate, evaluationContexts, expandForEach, isSymbolic, makeScope, moduleInstances } from "./expr.mjs";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE", "ANY", "$default"]);
// Actions a function role may hold besides its DynamoDB grants: writing its own log group, and
// the trust policy's AssumeRole.
const NON_DATA_ACTIONS = new Set(["logs:CreateLogStream", "logs:PutLogEvents", "sts:AssumeRole"]);

// The storage contract the C# code is written against (README, "Storage").
export const EXPECTED_TABLE = {
  hashKey: "PK",
  rangeKey: "SK",
  indexes: {
    CampaignsByStatusIndex: {
      keys: [
        ["GSI1_PK", "HASH"],
        ["GSI1_SK", "RANGE"],
      ],
      projection: "ALL",
    },
  },
};

export const EXPECTED_REGIONS = { dev: "eu-west-1", sit: "eu-west-1", prod: "af-south-1" };
const SHARED_ENVIRONMENT_FILES = ["main.tf", "variables.tf", "outputs.tf", "versions.tf", "providers.tf"];
const MODULE_FILES = ["main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md"];

const show = (value) => (isSymbolic(value) ? String(value) : JSON.stringify(value));
const where = (resource) => `${resource.file}: ${resource.type}.${resource.name}`;
const instanceLabel = (context, instance) =>
  `${context.label}${instance.key !== undefined ? ` [${JSON.stringify(instance.key)}]` : ""}`;

function collect() {
  const found = new Set();
  return {
    add: (message) => found.add(message),
    get list() {
      return [...found];
    },
  };
}

function* resources(tree, type, kind = "resources") {
  for (const context of evaluationContexts(tree)) {
    for (const resource of context.config[kind]) {
      if (resource.type !== type) continue;
      for (const instance of expandForEach(resource.body, context.scope)) {
        yield { context, resource, instance, label: instanceLabel(context, instance) };
      }
    }
  }
}

// --- Lambda functions -----------------------------------------------------------------------

export function lambdaViolations(tree) {
  const v = collect();
  let count = 0;
  for (const { resource, instance, label } of resources(tree, "aws_lambda_function")) {
    count++;
    const at = where(resource);
    const body = resource.body;
    const value = (name) => evaluate(body[name], instance.scope);
    if (JSON.stringify(value("architectures")) !== JSON.stringify(["arm64"])) {
      v.add(`${at}: architectures must be ["arm64"], found ${show(value("architectures") ?? null)} (${label})`);
    }
    if (value("runtime") !== "provided.al2023") {
      v.add(`${at}: runtime must be "provided.al2023", found ${show(value("runtime") ?? null)} (${label})`);
    }
    if (value("handler") !== "bootstrap") v.add(`${at}: handler must be "bootstrap" (${label})`);
    const logging = blocks(body, "logging_config", instance.scope);
    if (logging.length !== 1 || evaluate(logging[0].body.log_format, logging[0].scope) !== "JSON") {
      v.add(`${at}: needs logging_config { log_format = "JSON" } (${label})`);
    } else {
      for (const level of ["application_log_level", "system_log_level"]) {
        if (logging[0].body[level] === undefined) v.add(`${at}: logging_config must set ${level} (${label})`);
      }
    }
    if (value("publish") !== true) v.add(`${at}: publish must be true so that the live alias has versions to move between (${label})`);
    const timeout = value("timeout");
    if (typeof timeout !== "number" || timeout >= 30) {
      v.add(`${at}: timeout must be a number below the HTTP API's 30 s limit, found ${show(timeout ?? null)} (${label})`);
    }
    for (const attribute of ["filename", "source_code_hash"]) {
      if (body[attribute] === undefined) v.add(`${at}: deploys from a zip: ${attribute} is required (${label})`);
    }
  }
  if (count === 0) v.add("no aws_lambda_function found under terraform/");
  // The API calls a `live` alias on a published version, which is what rollback.sh moves.
  for (const [dir, config] of tree.configs) {
    for (const fn of config.resources.filter((r) => r.type === "aws_lambda_function")) {
      const alias = config.resources.find(
        (r) => r.type === "aws_lambda_alias" && r.body.name === "live" && r.body.function_version === `\${aws_lambda_function.${fn.name}.version}`,
      );
      if (!alias) v.add(`${where(fn)}: needs an aws_lambda_alias named "live" on aws_lambda_function.${fn.name}.version (in ${dir})`);
    }
  }
  return v.list;
}

// --- HTTP API ---------------------------------------------------------------------------------

export function integrationViolations(tree) {
  const v = collect();
  let count = 0;
  for (const { resource, instance, label } of resources(tree, "aws_apigatewayv2_integration")) {
    count++;
    const payload = evaluate(resource.body.payload_format_version, instance.scope);
    if (payload !== "2.0") {
      v.add(`${where(resource)}: payload_format_version must be "2.0" (the provider defaults to 1.0), found ${show(payload ?? null)} (${label})`);
    }
    const type = evaluate(resource.body.integration_type, instance.scope);
    if (type !== "AWS_PROXY") v.add(`${where(resource)}: integration_type must be "AWS_PROXY", found ${show(type ?? null)} (${label})`);
  }
  if (count === 0) v.add("no aws_apigatewayv2_integration found under terraform/");
  return v.list;
}

export function routeViolations(tree) {
  const v = collect();
  const table = tree.functionTable;
  for (const [name, entry] of Object.entries(table)) {
    if (WRITE_METHODS.has(entry.method) && entry.jwt !== true) {
      v.add(`functions/functions.json: ${name} (${entry.method} ${entry.path}) is a write route without "jwt": true`);
    }
  }
  const routesByEnvironment = new Map();
  for (const { context, resource, instance, label } of resources(tree, "aws_apigatewayv2_route")) {
    const at = `${where(resource)} (${label})`;
    const routeKey = evaluate(resource.body.route_key, instance.scope);
    if (typeof routeKey !== "string") {
      v.add(`${at}: cannot work out route_key ${show(routeKey ?? null)}`);
      continue;
    }
    const environment = context.label.match(/\((\w+): module\./)?.[1] ?? context.label.match(/^environments\/(\w+)$/)?.[1];
    if (environment) {
      if (!routesByEnvironment.has(environment)) routesByEnvironment.set(environment, new Set());
      routesByEnvironment.get(environment).add(routeKey);
    }
    const method = routeKey.split(" ")[0];
    if (!WRITE_METHODS.has(method)) continue;
    const authorization = evaluate(resource.body.authorization_type, instance.scope);
    if (authorization !== "JWT") {
      v.add(`${at}: ${routeKey} is a write route without the JWT authorizer (authorization_type = ${show(authorization ?? "NONE")})`);
      continue;
    }
    const authorizerId = evaluate(resource.body.authorizer_id, instance.scope);
    const reference = isSymbolic(authorizerId) && /^aws_apigatewayv2_authorizer\.([\w-]+)\.id$/.exec(authorizerId.text);
    const authorizer = reference && context.config.resources.find((r) => r.type === "aws_apigatewayv2_authorizer" && r.name === reference[1]);
    if (!authorizer) {
      v.add(`${at}: ${routeKey} must name a JWT authorizer of this API in authorizer_id, found ${show(authorizerId ?? null)}`);
      continue;
    }
    const body = authorizer.body;
    const sources = evaluate(body.identity_sources, context.scope);
    if (evaluate(body.authorizer_type, context.scope) !== "JWT" || !Array.isArray(sources) || !sources.includes("$request.header.Authorization") || !body.jwt_configuration?.[0]?.issuer || !body.jwt_configuration?.[0]?.audience) {
      v.add(`${where(authorizer)}: must be a JWT authorizer reading $request.header.Authorization with an issuer and an audience`);
    }
  }
  if (routesByEnvironment.size === 0) v.add("no aws_apigatewayv2_route is instantiated by any environment");
  for (const environment of tree.environments.keys()) {
    const routes = routesByEnvironment.get(environment) ?? new Set();
    for (const [name, entry] of Object.entries(table)) {
      if (!routes.has(`${entry.method} ${entry.path}`)) v.add(`environments/${environment}: no route "${entry.method} ${entry.path}" for ${name}`);
    }
  }
  return v.list;
}

// --- IAM ----------------------------------------------------------------------------------------

function* policyStatements(tree) {
  for (const { context, resource, instance, label } of resources(tree, "aws_iam_policy_document", "data")) {
    for (const statement of blocks(resource.body, "statement", instance.scope)) {
      yield { context, resource, statement, label, at: `${resource.file}: data.aws_iam_policy_document.${resource.name}` };
    }
  }
}

export function iamWildcardViolations(tree) {
  const v = collect();
  for (const [name, entry] of Object.entries(tree.functionTable)) {
    for (const action of entry.dynamodb_actions ?? []) {
      if (action.includes("*")) v.add(`functions/functions.json: ${name} lists the wildcard action ${action}`);
    }
  }
  for (const { statement, label, at } of policyStatements(tree)) {
    if (statement.body.not_actions !== undefined) v.add(`${at}: not_actions grants everything not listed (${label})`);
    const actions = evaluate(statement.body.actions, statement.scope);
    if (!Array.isArray(actions)) continue; // symbolic: the least-privilege policy resolves it per function
    for (const action of actions) {
      if (typeof action === "string" && action.includes("*")) v.add(`${at}: wildcard action ${action} (${label})`);
    }
  }
  // Policies must be written as aws_iam_policy_document so that the checks above can see them.
  const documentReference = /^data\.aws_iam_policy_document\.[\w-]+\.json$/;
  const policyAttributes = {
    aws_iam_role_policy: ["policy"],
    aws_iam_policy: ["policy"],
    aws_iam_role: ["assume_role_policy"],
  };
  for (const [dir, config] of tree.configs) {
    for (const resource of config.resources) {
      if (["aws_iam_role_policy_attachment", "aws_iam_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment"].includes(resource.type)) {
        v.add(`${where(resource)}: attached policies are not allowed; grant with an inline aws_iam_policy_document the policies can check`);
      }
      if (resource.type === "aws_iam_role" && (resource.body.managed_policy_arns !== undefined || resource.body.inline_policy !== undefined)) {
        v.add(`${where(resource)}: managed_policy_arns and inline_policy bypass the checked policy documents`);
      }
      for (const attribute of policyAttributes[resource.type] ?? []) {
        const value = evaluate(resource.body[attribute], makeScope({ tree, config }));
        if (!(isSymbolic(value) && documentReference.test(value.text))) {
          v.add(`${where(resource)}: ${attribute} must be data.aws_iam_policy_document.<name>.json (in ${dir})`);
        }
      }
    }
  }
  return v.list;
}

export function leastPrivilegeViolations(tree) {
  const v = collect();
  const table = tree.functionTable;
  const functionModuleDirs = new Set(
    [...tree.configs.values()].filter((c) => c.dir.startsWith("terraform/modules/") && c.resources.some((r) => r.type === "aws_lambda_function")).map((c) => c.dir),
  );
  if (functionModuleDirs.size === 0) v.add("no module defines an aws_lambda_function");

  // Outside the function module nothing may grant DynamoDB actions.
  for (const { context, statement, label, at } of policyStatements(tree)) {
    if (functionModuleDirs.has(context.config.dir)) continue;
    const actions = evaluate(statement.body.actions, statement.scope);
    const list = Array.isArray(actions) ? actions : [actions];
    if (list.some((a) => isSymbolic(a) || (typeof a === "string" && a.toLowerCase().startsWith("dynamodb:")))) {
      v.add(`${at}: only terraform/modules/function grants DynamoDB actions, from functions.json (${label})`);
    }
  }

  const instancesSeen = new Map();
  for (const instance of moduleInstances(tree)) {
    if (!functionModuleDirs.has(instance.config.dir)) continue;
    const label = `${instance.environment}: module.${instance.call}${instance.key !== instance.call ? `["${instance.key}"]` : ""}`;
    const entry = table[instance.key];
    if (!entry) {
      v.add(`${label}: instantiates the function module for "${instance.key}", which is not in functions/functions.json`);
      continue;
    }
    instancesSeen.set(instance.environment, (instancesSeen.get(instance.environment) ?? new Set()).add(instance.key));
    const resourcesKind = instance.scope.variable("dynamodb_resources");
    if (JSON.stringify(resourcesKind) !== JSON.stringify(entry.dynamodb_resources)) {
      v.add(`${label}: dynamodb_resources ${show(resourcesKind)} differ from functions.json ${JSON.stringify(entry.dynamodb_resources)}`);
    }
    const granted = new Set();
    const context = { config: instance.config, scope: instance.scope };
    for (const resource of context.config.data.filter((d) => d.type === "aws_iam_policy_document")) {
      for (const statement of blocks(resource.body, "statement", context.scope)) {
        const at = `${resource.file}: data.aws_iam_policy_document.${resource.name}`;
        const actions = evaluate(statement.body.actions, statement.scope);
        if (!Array.isArray(actions) || actions.some((a) => typeof a !== "string")) {
          v.add(`${at} (${label}): cannot prove which actions ${show(actions ?? null)} grants`);
          continue;
        }
        for (const action of actions) {
          if (action.toLowerCase().startsWith("dynamodb:")) {
            granted.add(action);
            if (!entry.dynamodb_actions.includes(action)) {
              v.add(`${at} (${label}): grants ${action}, which ${instance.key} does not need (functions.json lists ${entry.dynamodb_actions.join(", ")})`);
            }
          } else if (!NON_DATA_ACTIONS.has(action)) {
            v.add(`${at} (${label}): grants ${action}; a function role holds only its DynamoDB actions and its own log writes`);
          }
        }
        const resourcesValue = evaluate(statement.body.resources, statement.scope);
        if (Array.isArray(resourcesValue) && resourcesValue.includes("*")) v.add(`${at} (${label}): resources = ["*"]`);
      }
    }
    for (const action of entry.dynamodb_actions) {
      if (!granted.has(action)) v.add(`${label}: functions.json gives ${instance.key} ${action}, but no statement grants it`);
    }
  }
  for (const environment of tree.environments.keys()) {
    const seen = instancesSeen.get(environment) ?? new Set();
    for (const name of Object.keys(table)) {
      if (!seen.has(name)) v.add(`environments/${environment}: no function module instance for ${name}`);
    }
  }
  return v.list;
}

// --- DynamoDB -------------------------------------------------------------------------------------

export function tableViolations(tree) {
  const v = collect();
  let count = 0;
  for (const { context, resource, instance, label } of resources(tree, "aws_dynamodb_table")) {
    count++;
    const at = where(resource);
    const body = resource.body;
    const billing = evaluate(body.billing_mode, instance.scope);
    if (billing !== "PAY_PER_REQUEST") v.add(`${at}: billing_mode must be "PAY_PER_REQUEST" (on demand), found ${show(billing ?? "PROVISIONED")} (${label})`);
    const pitr = blocks(body, "point_in_time_recovery", instance.scope);
    if (!pitr.some((b) => evaluate(b.body.enabled, b.scope) === true)) v.add(`${at}: point_in_time_recovery { enabled = true } is required (${label})`);
    const sse = blocks(body, "server_side_encryption", instance.scope);
    if (!sse.some((b) => evaluate(b.body.enabled, b.scope) === true)) v.add(`${at}: server_side_encryption { enabled = true } is required (${label})`);
    if (evaluate(body.stream_enabled, instance.scope) !== true || evaluate(body.stream_view_type, instance.scope) !== "NEW_AND_OLD_IMAGES") {
      v.add(`${at}: the audit stream (stream_enabled, NEW_AND_OLD_IMAGES) is required (${label})`);
    }
    const protection = evaluate(body.deletion_protection_enabled, instance.scope);
    if (body.deletion_protection_enabled === undefined) v.add(`${at}: set deletion_protection_enabled (${label})`);
    if (/\(prod: /.test(context.label) && protection !== true) {
      v.add(`${at}: deletion protection must be on in prod, found ${show(protection ?? false)} (${label})`);
    }
  }
  if (count === 0) v.add("no aws_dynamodb_table found under terraform/");
  return v.list;
}

export function gsiViolations(tree) {
  const v = collect();
  const schema = tree.tableSchema;
  const expectedIndexes = EXPECTED_TABLE.indexes;
  if (schema.hash_key !== EXPECTED_TABLE.hashKey || schema.range_key !== EXPECTED_TABLE.rangeKey) {
    v.add(`functions/table.json: table keys must be ${EXPECTED_TABLE.hashKey}/${EXPECTED_TABLE.rangeKey}`);
  }
  const declared = new Map((schema.attributes ?? []).map((a) => [a.name, a.type]));
  for (const [name, expected] of Object.entries(expectedIndexes)) {
    const index = (schema.global_secondary_indexes ?? []).find((i) => i.name === name);
    const keys = index ? [[index.hash_key, "HASH"], [index.range_key, "RANGE"]] : null;
    if (!index || JSON.stringify(keys) !== JSON.stringify(expected.keys) || index.projection_type !== expected.projection) {
      v.add(`functions/table.json: ${name} must be ${JSON.stringify(expected.keys)} with projection ${expected.projection}`);
    }
    for (const [attribute] of expected.keys) {
      if (declared.get(attribute) !== "S") v.add(`functions/table.json: attribute ${attribute} must be declared with type S`);
    }
  }

  let tables = 0;
  for (const { resource, instance, label } of resources(tree, "aws_dynamodb_table")) {
    tables++;
    const at = `${where(resource)} (${label})`;
    const hash = evaluate(resource.body.hash_key, instance.scope);
    const range = evaluate(resource.body.range_key, instance.scope);
    if (hash !== EXPECTED_TABLE.hashKey || range !== EXPECTED_TABLE.rangeKey) {
      v.add(`${at}: table keys must be ${EXPECTED_TABLE.hashKey}/${EXPECTED_TABLE.rangeKey}, found ${show(hash ?? null)}/${show(range ?? null)}`);
    }
    const seen = new Set();
    for (const index of blocks(resource.body, "global_secondary_index", instance.scope)) {
      if (index.unresolved) {
        v.add(`${at}: cannot work out the indexes from ${index.unresolved}`);
        continue;
      }
      const name = evaluate(index.body.name, index.scope);
      if ("hash_key" in index.body || "range_key" in index.body) {
        v.add(`${at}: index ${show(name)} uses the deprecated hash_key/range_key; use key_schema blocks`);
      }
      if (index.body.dynamic?.key_schema) v.add(`${at}: index ${show(name)} builds key_schema dynamically; write the blocks out`);
      const keys = blocks(index.body, "key_schema", index.scope).map((k) => [evaluate(k.body.attribute_name, k.scope), evaluate(k.body.key_type, k.scope)]);
      const expected = expectedIndexes[name];
      if (!expected) {
        v.add(`${at}: unexpected index ${show(name)}`);
        continue;
      }
      seen.add(name);
      if (JSON.stringify(keys) !== JSON.stringify(expected.keys)) {
        v.add(`${at}: index ${name} must have key_schema ${JSON.stringify(expected.keys)}, found ${JSON.stringify(keys.map((pair) => pair.map((x) => (isSymbolic(x) ? String(x) : x))))}`);
      }
      const projection = evaluate(index.body.projection_type, index.scope);
      if (projection !== expected.projection) v.add(`${at}: index ${name} must project ${expected.projection}, found ${show(projection ?? null)}`);
    }
    for (const name of Object.keys(expectedIndexes)) {
      if (!seen.has(name)) v.add(`${at}: index ${name} is missing`);
    }
  }
  if (tables === 0) v.add("no aws_dynamodb_table found under terraform/");
  return v.list;
}

// --- State backends ---------------------------------------------------------------------------------

export function backendViolations(tree) {
  const v = collect();
  if (tree.environments.size === 0) v.add("no environment under terraform/environments");
  const keys = new Map();
  for (const [environment, config] of tree.environments) {
    const backends = config.terraformBlocks.flatMap((block) => Object.entries(block.backend ?? {}));
    if (backends.length !== 1 || backends[0][0] !== "s3") {
      v.add(`environments/${environment}: needs exactly one backend "s3" block, found ${backends.map(([type]) => type).join(", ") || "none"}`);
      continue;
    }
    const body = backends[0][1][0] ?? {};
    if (body.use_lockfile !== true) v.add(`environments/${environment}: backend "s3" must set use_lockfile = true (S3-native state locking)`);
    if (body.dynamodb_table !== undefined) v.add(`environments/${environment}: dynamodb_table locking is deprecated; use_lockfile replaces it`);
    const settings = tree.hclFiles.get(`${config.dir}/backend.hcl`);
    const key = settings?.key ?? body.key;
    if (typeof key !== "string" || !key.includes(`/${environment}/`)) {
      v.add(`environments/${environment}: the state key (backend.hcl) must be this environment's own, e.g. campaigns/${environment}/terraform.tfstate`);
    } else if (keys.has(key)) {
      v.add(`environments/${environment}: shares its state key ${key} with ${keys.get(key)}`);
    } else keys.set(key, environment);
  }
  for (const [name, config] of tree.modules) {
    if (config.terraformBlocks.some((block) => block.backend)) v.add(`modules/${name}: a module must not declare a backend`);
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

// --- Environments ------------------------------------------------------------------------------------------

export function environmentViolations(tree) {
  const v = collect();
  const names = [...tree.environments.keys()].sort();
  if (JSON.stringify(names) !== JSON.stringify(Object.keys(EXPECTED_REGIONS).sort())) {
    v.add(`terraform/environments must hold exactly ${Object.keys(EXPECTED_REGIONS).join(", ")}, found ${names.join(", ")}`);
  }
  for (const file of SHARED_ENVIRONMENT_FILES) {
    const reference = tree.read(`terraform/environments/dev/${file}`);
    for (const environment of names) {
      const text = tree.read(`terraform/environments/${environment}/${file}`);
      if (text === undefined) v.add(`environments/${environment}: ${file} is missing`);
      else if (text !== reference) v.add(`environments/${environment}/${file} differs from environments/dev/${file}; put environment differences in env.tf`);
    }
  }
  for (const [environment, config] of tree.environments) {
    const scope = makeScope({ tree, config });
    const providers = config.providers.filter((p) => p.name === "aws" && p.body.alias === undefined);
    if (providers.length !== 1) {
      v.add(`environments/${environment}: needs one default aws provider`);
      continue;
    }
    const provider = providers[0].body;
    if (JSON.stringify(provider.allowed_account_ids) !== JSON.stringify(["${var.account_id}"])) {
      v.add(`environments/${environment}: the aws provider must set allowed_account_ids = [var.account_id]`);
    }
    const accountVariable = config.variables.get("account_id");
    if (!accountVariable?.validation) v.add(`environments/${environment}: variable account_id must validate a 12-digit id`);
    if ("default" in (accountVariable ?? {})) v.add(`environments/${environment}: variable account_id must not have a default`);
    const region = evaluate(provider.region, scope);
    if (region !== EXPECTED_REGIONS[environment]) v.add(`environments/${environment}: region must be ${EXPECTED_REGIONS[environment]}, found ${show(region ?? null)}`);
    const tags = evaluate(provider.default_tags?.[0]?.tags, scope) ?? {};
    for (const tag of ["Project", "Environment", "ManagedBy"]) {
      if (typeof tags[tag] !== "string" || tags[tag] === "") v.add(`environments/${environment}: default_tags must set ${tag}`);
    }
    if (tags.Environment !== undefined && tags.Environment !== environment) v.add(`environments/${environment}: default tag Environment is ${show(tags.Environment)}`);
    if (config.variables.get("artifacts_dir")?.type === undefined) v.add(`environments/${environment}: the zip folder must be the typed variable artifacts_dir`);
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
  const observability = [...tree.configs.values()].filter((c) => c.resources.some((r) => r.type === "aws_cloudwatch_query_definition"));
  if (observability.length === 0) v.add("no aws_cloudwatch_query_definition found");
  for (const config of observability) {
    const text = config.files.map((f) => f.text).join("\n");
    if (!/fileset\(var\.queries_dir, "\*\.logsinsights"\)/.test(text)) v.add(`${config.dir}: saved queries must come from the .logsinsights files (fileset(var.queries_dir, "*.logsinsights"))`);
  }
  for (const instance of moduleInstances(tree)) {
    if (!observability.includes(instance.config)) continue;
    const dir = instance.scope.variable("queries_dir");
    if (typeof dir !== "string" || path.posix.normalize(dir) !== "terraform/queries") {
      v.add(`environments/${instance.environment}: module.${instance.call} must read queries_dir = terraform/queries, found ${show(dir)}`);
    }
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

export const ID_TOKEN_JOBS = { "deploy.yml": ["deploy-dev"], "promote.yml": ["promote"] };

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
      if (!/^[\w.-]+\/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/.test(uses[1])) v.add(`${rel}:${i + 1}: ${uses[1]} is not pinned to an exact version or commit`);
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
  }
  return v.list;
}
