#!/usr/bin/env node
// Regenerates tests/terraform/schema/aws.json, the trimmed hashicorp/aws schema that the
// stand-in provider (tests/terraform/provider/server.mjs) serves to terraform validate and test.
//
// Usage: node tests/terraform/schema/generate.mjs [--also TYPE,...] [--out FILE] [--check]
//
//   --also TYPE,...  types to add to those found by scanning terraform/ (a data source as
//                    data.aws_x); for trying a type out, not for aws.json, which holds exactly
//                    what the configuration uses (schema.test.mjs checks that)
//   --out FILE       write there instead of aws.json
//   --check          write nothing; exit 1 if aws.json is not what would be generated
//
// The types are the `resource "aws_..."` and `data "aws_..."` blocks of every *.tf file under
// terraform/ (types.mjs). Their schemas come from npm @cdktf/provider-aws@21.22.1, generated from
// hashicorp/aws 6.25.0. That package is about 37 MB packed and 390 MB unpacked, too big to be a
// dependency: the first run fetches it with `npm pack` into .work/cdktf-provider-aws/ (git-ignored,
// needs the npm registry) and unpacks only the folders of the types in use; later runs reuse it.
// What 6.25.0 lacks is added by hand in additions.json, merged in last.
//
// How the package describes a type (lib/<type without aws_, _ as ->/, data sources under
// lib/data-aws-<...>/; the provider under lib/provider/):
//   index.d.ts  a <Class>Config interface for the type and one interface per nested block. Each
//               property's docs link ends in the Terraform name (#hash_key Class#hash_key); a
//               property without `?` is required; JSDoc starting "x block" marks a block, whose
//               TypeScript type is an array (list or set) or a single object (at most one).
//   index.js    <struct>ToHclTerraform() (synthesizeHclAttributes() for the type itself) gives
//               each argument's kind: type simple/list/set/map/struct and storageClassType
//               string/stringList/stringMap/...; a block's struct type means nesting "single".
//               Comments "// x - computed: true, optional: false, required: false" mark the
//               attributes that are computed only; their getters (getStringAttribute('arn'),
//               cdktf.Fn.tolist(getListAttribute(...)) for a set, ...) give their types.
// cdktf does not record whether an optional argument is also computed, nor sensitivity, schema
// versions or the max_items of repeated blocks; see KNOWN_OPTIONAL_COMPUTED below.

import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot, usedTypes } from "./types.mjs";

const PACKAGE = "@cdktf/provider-aws";
const PACKAGE_VERSION = "21.22.1";
export const PROVIDER_ADDRESS = "registry.terraform.io/hashicorp/aws";

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaPath = path.join(here, "aws.json");
const additionsPath = path.join(here, "additions.json");
const cacheDir = path.join(repoRoot, ".work", "cdktf-provider-aws");

// Optional arguments that the provider also computes, which cdktf cannot show: `id` (cdktf's own
// doc note on it says so), `tags_all` (filled from the provider's default_tags) and the per-resource
// `region` of provider v6 (filled from the provider's region). Others are left optional only,
// which only matters where a test reads a value that mock_provider would otherwise invent.
const KNOWN_OPTIONAL_COMPUTED = new Set(["id", "tags_all", "region"]);

// ---------------------------------------------------------------------------------------------
// The package

function folderOf(kind, type) {
  if (kind === "provider") return "provider";
  const rest = type.replace(/^aws_/, "").replace(/_/g, "-");
  return kind === "data" ? `data-aws-${rest}` : rest;
}

function packageTarball() {
  fs.mkdirSync(cacheDir, { recursive: true });
  const name = `cdktf-provider-aws-${PACKAGE_VERSION}.tgz`;
  const tarball = path.join(cacheDir, name);
  if (!fs.existsSync(tarball)) {
    process.stderr.write(`fetching ${PACKAGE}@${PACKAGE_VERSION} with npm pack into ${path.relative(repoRoot, cacheDir)}/\n`);
    execFileSync("npm", ["pack", `${PACKAGE}@${PACKAGE_VERSION}`, "--pack-destination", cacheDir, "--silent"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return tarball;
}

// Unpacks lib/<folder>/index.d.ts and index.js of the folders not unpacked yet.
function unpack(folders) {
  const missing = folders.filter((f) => !fs.existsSync(path.join(cacheDir, "package/lib", f, "index.js")));
  if (missing.length === 0) return;
  const members = missing.flatMap((f) => [`package/lib/${f}/index.d.ts`, `package/lib/${f}/index.js`]);
  const result = spawnSync("tar", ["-xzf", packageTarball(), "-C", cacheDir, ...members], { encoding: "utf8" });
  if (result.status !== 0) {
    const absent = missing.filter((f) => result.stderr.includes(`package/lib/${f}/`));
    throw new Error(
      absent.length
        ? `${PACKAGE}@${PACKAGE_VERSION} has no folder for: ${absent.join(", ")} (a type newer than hashicorp/aws 6.25.0 goes into additions.json)`
        : `tar failed: ${result.stderr}`,
    );
  }
}

function readFolder(folder) {
  const dir = path.join(cacheDir, "package/lib", folder);
  return {
    dts: fs.readFileSync(path.join(dir, "index.d.ts"), "utf8"),
    js: fs.readFileSync(path.join(dir, "index.js"), "utf8"),
  };
}

// ---------------------------------------------------------------------------------------------
// index.d.ts: interfaces and their properties

// The text of a TypeScript type up to the `;` that ends it (object types hold `;` of their own).
function readType(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "{" || c === "(" || c === "<" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === ">" || c === "]") depth--;
    else if (c === ";" && depth === 0) return text.slice(start, i).replace(/\s+/g, " ").trim();
  }
  throw new Error("unterminated property type");
}

function parseInterfaces(dts) {
  const interfaces = new Map();
  for (const m of dts.matchAll(/^export interface (\w+)(?: extends [^{]*)? \{\n([\s\S]*?)^\}/gm)) {
    const body = m[2];
    const props = [];
    for (const p of body.matchAll(/(?:\/\*\*([\s\S]*?)\*\/\s*)?readonly (\w+)(\?)?: /g)) {
      const doc = (p[1] ?? "")
        .split("\n")
        .map((line) => line.replace(/^\s*\*\s?/, "").trim())
        .filter(Boolean);
      const link = doc.join(" ").match(/\{@link \S+#(\w+) \w+#\w+\}/);
      props.push({
        tsName: p[2],
        name: link ? link[1] : snakeCase(p[2]),
        required: p[3] !== "?",
        isBlock: doc.length > 0 && /^`?\w+`? block$/.test(doc[0]),
        doc: doc.join("\n"),
        tsType: readType(body, p.index + p[0].length),
      });
    }
    interfaces.set(m[1], props);
  }
  return interfaces;
}

function snakeCase(name) {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

// `Foo[] | cdktf.IResolvable` -> { struct: "Foo", array: true }; `Foo` -> { struct: "Foo", array: false }
function blockStruct(tsType) {
  const parts = tsType.split("|").map((s) => s.trim()).filter((s) => s !== "cdktf.IResolvable");
  const m = parts.length === 1 && parts[0].match(/^(\w+)(\[\])?$/);
  if (!m) throw new Error(`unexpected block type ${tsType}`);
  return { struct: m[1], array: Boolean(m[2]) };
}

// ---------------------------------------------------------------------------------------------
// index.js: argument kinds, computed attributes

function lcfirst(s) {
  return s[0].toLowerCase() + s.slice(1);
}

// The attrs object of a struct's ToHclTerraform function, or of synthesizeHclAttributes() of
// the type's own class: name -> { isBlock, type, storageClassType }.
function hclAttributes(js, struct, isTop) {
  const opener = isTop ? "synthesizeHclAttributes() {" : `function ${lcfirst(struct)}ToHclTerraform(struct) {`;
  const start = js.indexOf(opener);
  if (start < 0) throw new Error(`index.js has no ${opener}`);
  const end = js.indexOf("// remove undefined attributes", start);
  const section = js.slice(start, end);
  const attrs = new Map();
  const entry = /^\s*"?(\w+)"?: \{\n\s*value: .*\n\s*isBlock: (true|false),\n\s*type: "(\w+)",\n\s*storageClassType: "(\w+)",\n\s*\},?$/gm;
  for (const m of section.matchAll(entry)) {
    attrs.set(m[1], { isBlock: m[2] === "true", type: m[3], storageClassType: m[4] });
  }
  return attrs;
}

// The source of `class Name extends ...` up to its closing brace.
function classSource(js, name) {
  const start = js.search(new RegExp(`^class ${name} extends `, "m"));
  if (start < 0) return null;
  const end = js.indexOf("\n}\n", start);
  return js.slice(start, end + 2);
}

const simpleTypes = { string: "string", number: "number", boolean: "bool" };

function argumentType(where, { type, storageClassType }) {
  if (type === "simple" && simpleTypes[storageClassType]) return simpleTypes[storageClassType];
  const collection = storageClassType.match(/^(string|number|boolean)(List|Map)$/);
  if (collection) {
    const element = simpleTypes[collection[1]];
    if (collection[2] === "List" && (type === "list" || type === "set")) return [type, element];
    if (collection[2] === "Map" && type === "map") return ["map", element];
  }
  throw new Error(`${where}: no cty type for type ${type} / storageClassType ${storageClassType}`);
}

// The cty type of a computed attribute from its getter's return expression.
function getterType(where, js, cls, expr, name) {
  const patterns = [
    [/^this\.getStringAttribute\('\w+'\)$/, "string"],
    [/^this\.getNumberAttribute\('\w+'\)$/, "number"],
    [/^this\.getBooleanAttribute\('\w+'\)$/, "bool"],
    [/^this\.getListAttribute\('\w+'\)$/, ["list", "string"]],
    [/^cdktf\.Fn\.tolist\(this\.getListAttribute\('\w+'\)\)$/, ["set", "string"]],
    [/^this\.getNumberListAttribute\('\w+'\)$/, ["list", "number"]],
    [/^cdktf\.Token\.asNumberList\(cdktf\.Fn\.tolist\(this\.getNumberListAttribute\('\w+'\)\)\)$/, ["set", "number"]],
    [/^this\.getStringMapAttribute\('\w+'\)$/, ["map", "string"]],
    [/^this\.getNumberMapAttribute\('\w+'\)$/, ["map", "number"]],
    [/^this\.getBooleanMapAttribute\('\w+'\)$/, ["map", "bool"]],
  ];
  for (const [pattern, ty] of patterns) if (pattern.test(expr)) return ty;
  const field = expr.match(/^this\.(_\w+)$/);
  if (field) {
    const made = cls.match(new RegExp(`this\\.${field[1]} = new ([\\w.]+)\\(this, "${name}"(?:, (true|false))?\\);`));
    if (made) return constructedType(where, js, made[1], made[2] === "true");
  }
  throw new Error(`${where}: no cty type for getter ${expr}`);
}

// The cty type of a computed attribute held in an object made in the constructor.
function constructedType(where, js, ctor, isSet) {
  const maps = { "cdktf.StringMap": "string", "cdktf.NumberMap": "number", "cdktf.BooleanMap": "bool" };
  if (maps[ctor]) return ["map", maps[ctor]];
  const complex = ctor.match(/^(\w+)(List|Map|OutputReference)$/);
  if (complex) {
    const object = ["object", computedObjectAttributes(where, js, `${complex[1]}OutputReference`)];
    if (complex[2] === "List") return [isSet ? "set" : "list", object];
    if (complex[2] === "Map") return ["map", object];
    return object;
  }
  throw new Error(`${where}: no cty type for ${ctor}`);
}

// Attribute name -> cty type of a wholly computed nested object (every getter of its class).
function computedObjectAttributes(where, js, className) {
  const cls = classSource(js, className);
  if (!cls) throw new Error(`${where}: index.js has no class ${className}`);
  const attrs = {};
  for (const m of cls.matchAll(/^ {4}get (\w+)\(\) \{\n\s*return (.*);\n/gm)) {
    if (m[1] === "internalValue") continue;
    const named = m[2].match(/\('(\w+)'\)/);
    const field = m[2].match(/^this\.(_\w+)$/);
    let name = named?.[1];
    if (!name && field) name = cls.match(new RegExp(`this\\.${field[1]} = new [\\w.]+\\(this, "(\\w+)"`))?.[1];
    if (!name) throw new Error(`${where}: cannot name getter ${m[1]} of ${className}`);
    attrs[name] = getterType(`${where}.${name}`, js, cls, m[2], name);
  }
  return attrs;
}

// name -> cty type of the attributes a class marks "computed: true, optional: false".
function computedOnly(where, js, className) {
  const cls = classSource(js, className);
  if (!cls) return {};
  const found = {};
  const marked = /\/\/ (\w+) - computed: true, optional: false, required: false\n\s*(.*)\n(.*)\n/g;
  for (const m of cls.matchAll(marked)) {
    const name = m[1];
    const getter = m[2].match(/^get \w+\(\) \{$/) && m[3].match(/^\s*return (.*);$/);
    if (getter) {
      found[name] = getterType(`${where}.${name}`, js, cls, getter[1], name);
      continue;
    }
    const made = m[2].match(new RegExp(`^this\\.\\w+ = new ([\\w.]+)\\(this, "${name}"(?:, (true|false))?\\);$`));
    if (!made) throw new Error(`${where}.${name}: unexpected computed attribute source: ${m[2]}`);
    found[name] = constructedType(`${where}.${name}`, js, made[1], made[2] === "true");
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Building a block in the shape of `terraform providers schema -json`

function buildBlock(where, files, interfaces, struct, { isTop, topClass, skip = new Set() }) {
  const props = interfaces.get(struct);
  if (!props) throw new Error(`${where}: index.d.ts has no interface ${struct}`);
  const hcl = hclAttributes(files.js, isTop ? topClass : struct, isTop);
  const attributes = {};
  const blockTypes = {};

  for (const prop of props) {
    if (skip.has(prop.name)) continue;
    const kind = hcl.get(prop.name);
    const at = `${where}.${prop.name}`;
    if (!kind) throw new Error(`${at}: in index.d.ts but not in index.js`);
    if (kind.isBlock !== prop.isBlock) throw new Error(`${at}: index.d.ts and index.js disagree on whether it is a block`);
    if (prop.isBlock) {
      const { struct: inner, array } = blockStruct(prop.tsType);
      let nesting;
      if (kind.type === "struct") nesting = "single";
      else if (kind.type === "list" || kind.type === "set") nesting = kind.type;
      else throw new Error(`${at}: unexpected block kind ${kind.type}`);
      const block = { nesting_mode: nesting, block: buildBlock(at, files, interfaces, inner, { isTop: false }) };
      if (prop.required) block.min_items = 1;
      if (nesting !== "single" && !array) block.max_items = 1;
      blockTypes[prop.name] = block;
    } else {
      const attribute = { type: argumentType(at, kind), description_kind: "plain" };
      if (prop.required) attribute.required = true;
      else attribute.optional = true;
      if (!prop.required && KNOWN_OPTIONAL_COMPUTED.has(prop.name)) attribute.computed = true;
      attributes[prop.name] = attribute;
    }
  }
  for (const name of hcl.keys()) {
    if (!skip.has(name) && !attributes[name] && !blockTypes[name]) throw new Error(`${where}.${name}: in index.js but not in index.d.ts`);
  }

  const outputClass = isTop ? topClass : `${struct}OutputReference`;
  for (const [name, type] of Object.entries(computedOnly(where, files.js, outputClass))) {
    if (attributes[name] || blockTypes[name]) continue;
    attributes[name] = { type, description_kind: "plain", computed: true };
  }

  const block = { description_kind: "plain" };
  if (Object.keys(attributes).length) block.attributes = attributes;
  if (Object.keys(blockTypes).length) block.block_types = blockTypes;
  return block;
}

function typeSchema(kind, type) {
  const folder = folderOf(kind, type);
  const files = readFolder(folder);
  const baseClass = { resource: "TerraformResource", data: "TerraformDataSource", provider: "TerraformProvider" }[kind];
  const cls = files.dts.match(new RegExp(`^export declare class (\\w+) extends cdktf\\.${baseClass} \\{`, "m"));
  if (!cls) throw new Error(`${folder}/index.d.ts declares no cdktf.${baseClass}`);
  const topClass = cls[1];
  if (kind !== "provider") {
    const declared = files.js.match(new RegExp(`^${topClass}\\.tfResourceType = "(\\w+)";`, "m"));
    if (!declared || declared[1] !== type) throw new Error(`${folder}: class ${topClass} is not ${type}`);
  }
  const interfaces = parseInterfaces(files.dts);
  // `alias` is Terraform's meta-argument, which cdktf lists among the provider's arguments.
  const skip = kind === "provider" ? new Set(["alias"]) : new Set();
  const where = kind === "provider" ? "provider" : type;
  return { version: 0, block: buildBlock(where, files, interfaces, `${topClass}Config`, { isTop: true, topClass, skip }) };
}

// ---------------------------------------------------------------------------------------------
// additions.json

function applyAdditions(schemas) {
  const { changes } = JSON.parse(fs.readFileSync(additionsPath, "utf8"));
  for (const change of changes) {
    const group = { resource: schemas.resource_schemas, data: schemas.data_source_schemas }[change.kind];
    if (!group) throw new Error(`additions.json: kind must be resource or data, not ${change.kind}`);
    if (!group[change.type]) continue; // a type the configuration does not use
    let block = group[change.type].block;
    for (const name of change.path ?? []) {
      block = block.block_types?.[name]?.block;
      if (!block) throw new Error(`additions.json: ${change.type} has no block ${change.path.join(".")}`);
    }
    for (const [name, attribute] of Object.entries(change.attributes ?? {})) {
      (block.attributes ??= {})[name] = attribute;
    }
    for (const [name, nested] of Object.entries(change.block_types ?? {})) {
      (block.block_types ??= {})[name] = nested;
    }
  }
}

// ---------------------------------------------------------------------------------------------

function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys(value[k])]));
  }
  return value;
}

export function generate({ also = [] } = {}) {
  const { resources, dataSources } = usedTypes();
  for (const extra of also) {
    if (extra.startsWith("data.")) dataSources.push(extra.slice("data.".length));
    else resources.push(extra);
  }
  const wanted = [
    ["provider", "provider"],
    ...[...new Set(resources)].sort().map((t) => ["resource", t]),
    ...[...new Set(dataSources)].sort().map((t) => ["data", t]),
  ];
  unpack(wanted.map(([kind, type]) => folderOf(kind, type)));

  const schemas = { provider: typeSchema("provider"), resource_schemas: {}, data_source_schemas: {} };
  for (const [kind, type] of wanted) {
    if (kind === "resource") schemas.resource_schemas[type] = typeSchema(kind, type);
    if (kind === "data") schemas.data_source_schemas[type] = typeSchema(kind, type);
  }
  applyAdditions(schemas);
  const document = { format_version: "1.0", provider_schemas: { [PROVIDER_ADDRESS]: schemas } };
  return `${JSON.stringify(sortedKeys(document), null, 2)}\n`;
}

function main(argv) {
  let also = [];
  let out = schemaPath;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--also") also = argv[++i].split(",").map((s) => s.trim()).filter(Boolean);
    else if (argv[i] === "--out") out = path.resolve(argv[++i]);
    else if (argv[i] === "--check") check = true;
    else throw new Error(`unknown argument ${argv[i]} (usage: generate.mjs [--also TYPE,...] [--out FILE] [--check])`);
  }
  const text = generate({ also });
  if (check) {
    const same = fs.existsSync(schemaPath) && fs.readFileSync(schemaPath, "utf8") === text;
    process.stderr.write(same ? "aws.json is up to date\n" : "aws.json differs from what generate.mjs makes: rerun it\n");
    return same ? 0 : 1;
  }
  fs.writeFileSync(out, text);
  const doc = JSON.parse(text).provider_schemas[PROVIDER_ADDRESS];
  process.stderr.write(
    `wrote ${path.relative(process.cwd(), out)}: ${Object.keys(doc.resource_schemas).length} resources, ` +
      `${Object.keys(doc.data_source_schemas).length} data sources, ${text.length} bytes\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate.mjs: ${error.message}\n`);
    process.exitCode = 1;
  }
}
