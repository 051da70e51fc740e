// A deliberately small evaluator for the Terraform expressions the policies need to see through:
// literals, references (each.*, var.*, local.*, dynamic-block iterators, path.module), string
// templates, `cond ? a : b` and `jsondecode(file("${path.module}/..."))`. Anything else evaluates
// to a Symbolic value, and a policy that needs a concrete value treats Symbolic as "cannot prove
// it", i.e. as a failure. The evaluator never guesses.

import path from "node:path";

export class Symbolic {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return `\${${this.text}}`;
  }
}

export const isSymbolic = (value) => value instanceof Symbolic;

// Splits "a ${x} b" into literal and expression parts, honouring nested braces and quotes.
function splitTemplate(text) {
  const parts = [];
  let i = 0;
  let literal = "";
  while (i < text.length) {
    if (text.startsWith("$${", i)) {
      literal += "${";
      i += 3;
    } else if (text.startsWith("${", i)) {
      if (literal) parts.push({ literal });
      literal = "";
      let depth = 1;
      let j = i + 2;
      let quote = false;
      for (; j < text.length && depth > 0; j++) {
        const c = text[j];
        if (quote) {
          if (c === "\\") j++;
          else if (c === '"') quote = false;
        } else if (c === '"') quote = true;
        else if (c === "{") depth++;
        else if (c === "}") depth--;
      }
      if (depth !== 0) return [{ expr: text }]; // unbalanced: leave it to the caller as symbolic
      parts.push({ expr: text.slice(i + 2, j - 1) });
      i = j;
    } else {
      literal += text[i++];
    }
  }
  if (literal) parts.push({ literal });
  return parts;
}

// Index of `ch` outside quotes and brackets, from `start`.
function topLevelIndex(text, ch, start = 0) {
  let depth = 0;
  let quote = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}

const referencePattern = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[[^\]]+\])*$/;

function tokens(reference) {
  const out = [];
  const re = /([A-Za-z_][\w-]*)|\[([^\]]+)\]/g;
  let m;
  while ((m = re.exec(reference))) out.push(m[1] !== undefined ? { name: m[1] } : { index: m[2] });
  return out;
}

function resolveReference(text, scope) {
  const [root, ...rest] = tokens(text);
  let value;
  if (root.name === "each") {
    if (!scope.each || rest.length === 0) return new Symbolic(text);
    value = scope.each;
  } else if (root.name === "var") {
    if (rest.length === 0 || !rest[0].name) return new Symbolic(text);
    value = scope.variable(rest.shift().name);
  } else if (root.name === "local") {
    if (rest.length === 0 || !rest[0].name) return new Symbolic(text);
    value = scope.local(rest.shift().name);
  } else if (root.name === "path" && rest[0]?.name === "module" && rest.length === 1) {
    return scope.moduleDir;
  } else if (scope.iterators?.[root.name]) {
    value = scope.iterators[root.name];
  } else {
    return new Symbolic(text); // resources, data sources, module outputs: known only after apply
  }
  for (const step of rest) {
    if (isSymbolic(value) || value === null || typeof value !== "object") return new Symbolic(text);
    const key = step.name ?? evaluateExpression(step.index, scope);
    if (isSymbolic(key) || !(key in value)) return new Symbolic(text);
    value = value[key];
  }
  return value;
}

export function evaluateExpression(source, scope) {
  const text = source.trim();
  if (text === "null") return null;
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(text);
  if (quoted) return evaluate(JSON.parse(`"${quoted[1]}"`), scope);

  const decoded = /^jsondecode\(file\("\$\{path\.module\}\/([^"]+)"\)\)$/.exec(text);
  if (decoded) {
    if (!scope.readJson) return new Symbolic(text);
    return scope.readJson(path.posix.normalize(`${scope.moduleDir}/${decoded[1]}`));
  }

  const question = topLevelIndex(text, "?");
  if (question >= 0) {
    const colon = topLevelIndex(text, ":", question + 1);
    if (colon < 0) return new Symbolic(text);
    const condition = evaluateExpression(text.slice(0, question), scope);
    if (typeof condition !== "boolean") return new Symbolic(text);
    return evaluateExpression(condition ? text.slice(question + 1, colon) : text.slice(colon + 1), scope);
  }

  if (referencePattern.test(text)) return resolveReference(text, scope);
  return new Symbolic(text);
}

// Evaluates a value from hcl2json: plain JSON stays as it is, "${...}" strings are evaluated.
export function evaluate(value, scope) {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  if (isSymbolic(value)) return value;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, scope)]));
  }
  if (typeof value !== "string" || !value.includes("${")) return value;
  const parts = splitTemplate(value);
  if (parts.length === 1 && parts[0].expr !== undefined) return evaluateExpression(parts[0].expr, scope);
  let out = "";
  for (const part of parts) {
    if (part.literal !== undefined) {
      out += part.literal;
      continue;
    }
    const v = evaluateExpression(part.expr, scope);
    if (isSymbolic(v) || (v !== null && typeof v === "object")) return new Symbolic(value.slice(2, -1));
    out += String(v);
  }
  return out;
}

// A scope for one directory: its locals, its variables (bound by a caller or by their defaults)
// and, while expanding for_each or dynamic blocks, `each` and the iterators.
export function makeScope({ tree, config, bindings = {}, each, iterators = {} }) {
  const localCache = new Map();
  const scope = {
    moduleDir: config.dir,
    each,
    iterators,
    readJson: (rel) => tree.readJson(rel),
    variable(name) {
      if (name in bindings) return bindings[name];
      const declared = config.variables.get(name);
      if (declared && "default" in declared) return evaluate(declared.default, scope);
      return new Symbolic(`var.${name}`);
    },
    local(name) {
      if (!localCache.has(name)) {
        localCache.set(name, new Symbolic(`local.${name}`)); // guards against cycles
        const raw = config.locals.get(name);
        localCache.set(name, raw === undefined ? new Symbolic(`local.${name}`) : evaluate(raw, scope));
      }
      return localCache.get(name);
    },
    with(extra) {
      return makeScope({
        tree,
        config,
        bindings,
        each: "each" in extra ? extra.each : each,
        iterators: { ...iterators, ...(extra.iterators ?? {}) },
      });
    },
  };
  return scope;
}

// The instances a for_each produces: one scope per element, or a single scope with a symbolic
// `each` when the collection cannot be evaluated.
export function expandForEach(body, scope) {
  if (!("for_each" in body)) return [{ key: undefined, scope }];
  const collection = evaluate(body.for_each, scope);
  if (isSymbolic(collection) || collection === null || typeof collection !== "object") {
    return [{ key: undefined, scope: scope.with({ each: undefined }), unresolved: String(body.for_each) }];
  }
  const entries = Array.isArray(collection) ? collection.map((v) => [v, v]) : Object.entries(collection);
  return entries.map(([key, value]) => ({ key, scope: scope.with({ each: { key, value } }) }));
}

// Nested blocks named `name`, static and `dynamic`, each with the scope its content sees.
export function blocks(body, name, scope) {
  const out = (body[name] ?? []).map((block) => ({ body: block, scope }));
  for (const dynamic of body.dynamic?.[name] ?? []) {
    const iteratorName = dynamic.iterator ?? name;
    const collection = evaluate(dynamic.for_each, scope);
    if (isSymbolic(collection) || collection === null || typeof collection !== "object") {
      out.push({ body: dynamic.content?.[0] ?? {}, scope, unresolved: String(dynamic.for_each) });
      continue;
    }
    const entries = Array.isArray(collection) ? collection.map((v, i) => [i, v]) : Object.entries(collection);
    for (const [key, value] of entries) {
      out.push({ body: dynamic.content?.[0] ?? {}, scope: scope.with({ iterators: { [iteratorName]: { key, value } } }) });
    }
  }
  return out;
}

// Every instantiation of a module directory by an environment root: the module's scope with its
// variables bound to the caller's arguments, evaluated in the caller's scope.
export function moduleInstances(tree) {
  const out = [];
  for (const [environment, envConfig] of tree.environments) {
    const envScope = makeScope({ tree, config: envConfig });
    for (const call of envConfig.moduleCalls) {
      const dir = path.posix.normalize(`${envConfig.dir}/${call.body.source}`);
      const moduleConfig = tree.configs.get(dir);
      if (!moduleConfig) continue;
      for (const instance of expandForEach(call.body, envScope)) {
        const bindings = {};
        for (const [name, raw] of Object.entries(call.body)) {
          if (["source", "for_each", "count", "depends_on", "providers", "version"].includes(name)) continue;
          bindings[name] = evaluate(raw, instance.scope);
        }
        out.push({
          environment,
          call: call.name,
          key: instance.key ?? call.name,
          unresolved: instance.unresolved,
          config: moduleConfig,
          scope: makeScope({ tree, config: moduleConfig, bindings }),
        });
      }
    }
  }
  return out;
}

// Every directory under terraform/ with the scopes to evaluate it in: each environment root once,
// each module once per instantiation, and a module nobody calls once with its defaults.
export function evaluationContexts(tree) {
  const contexts = [];
  for (const [environment, config] of tree.environments) {
    contexts.push({ label: `environments/${environment}`, config, scope: makeScope({ tree, config }) });
  }
  const called = new Set();
  for (const instance of moduleInstances(tree)) {
    called.add(instance.config.dir);
    contexts.push({
      label: `${instance.config.dir.replace(/^terraform\//, "")} (${instance.environment}: module.${instance.call}${instance.key !== instance.call ? `["${instance.key}"]` : ""})`,
      config: instance.config,
      scope: instance.scope,
    });
  }
  for (const [dir, config] of tree.configs) {
    if (dir.startsWith("terraform/environments/") || called.has(dir)) continue;
    contexts.push({ label: dir.replace(/^terraform\//, ""), config, scope: makeScope({ tree, config }) });
  }
  return contexts;
}
