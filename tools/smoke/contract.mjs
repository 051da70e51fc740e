// The API contract as docs/openapi.yaml states it, turned into one question: does this response
// (status, content type, headers, body) match what the document promises for this operation?
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const BASE = "urn:campaigns:openapi";
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

/** Loads an OpenAPI 3.1 document and returns { operations, validate(operationId, response) }. */
export function loadContract(path) {
  return contractOf(parse(readFileSync(path, "utf8")));
}

export function contractOf(doc) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // Response schemas point into components; the document's other parts are not schemas.
  ajv.addVocabulary(["components"]);
  ajv.addSchema({ $id: BASE, components: { schemas: doc.components?.schemas ?? {} } });

  const operations = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op?.operationId) operations.set(op.operationId, { method: method.toUpperCase(), path, responses: op.responses ?? {} });
    }
  }

  const compiled = new Map();
  const validator = (key, schema) => {
    if (!compiled.has(key)) compiled.set(key, ajv.compile(rebase(schema)));
    return compiled.get(key);
  };

  /**
   * Checks one response against the operation's documented responses. response: { status, headers
   * (lower-case names), contentType, bodyText }. Returns a list of problems, empty when it conforms.
   */
  function validate(operationId, response) {
    const op = operations.get(operationId);
    if (!op) return [`operation ${operationId} is not in the OpenAPI document`];
    const documented = resolve(doc, op.responses[String(response.status)] ?? op.responses.default);
    if (!documented) {
      return [`status ${response.status} is not documented for ${operationId} (documented: ${Object.keys(op.responses).join(", ")})`];
    }
    const problems = [];
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = response.headers[name.toLowerCase()];
      const spec = resolve(doc, header);
      if (value === undefined) {
        if (spec.required) problems.push(`header ${name} is missing`);
        continue;
      }
      if (spec.schema) {
        const check = validator(`${operationId} ${response.status} header ${name}`, spec.schema);
        const typed = spec.schema.type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
        if (!check(typed)) problems.push(`header ${name}: ${JSON.stringify(value)} ${describe(check.errors)}`);
      }
    }
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      if (response.bodyText) problems.push(`a body where none is documented (${snippet(response.bodyText)})`);
      return problems;
    }
    const mediaType = (response.contentType ?? "").split(";")[0].trim().toLowerCase();
    if (!mediaTypes.includes(mediaType)) {
      problems.push(`content-type ${JSON.stringify(response.contentType ?? "")} is not ${mediaTypes.join(" or ")}`);
      return problems;
    }
    const schema = content[mediaType].schema;
    if (!schema) return problems;
    let body;
    try {
      body = JSON.parse(response.bodyText);
    } catch {
      problems.push(`the body is not JSON (${snippet(response.bodyText)})`);
      return problems;
    }
    const check = validator(`${operationId} ${response.status} ${mediaType}`, schema);
    if (!check(body)) problems.push(`body ${describe(check.errors)}`);
    return problems;
  }

  return { operations, validate };
}

// A $ref within the document ("#/components/responses/NotFound"), followed to its target.
function resolve(doc, node) {
  let seen = 0;
  while (node && typeof node.$ref === "string" && node.$ref.startsWith("#/") && seen++ < 16) {
    node = node.$ref.slice(2).split("/").reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
  }
  return node;
}

// Local $refs of a schema taken out of the document, pointed at the copy registered under BASE.
function rebase(schema) {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === "$ref" && typeof value === "string" && value.startsWith("#") ? BASE + value : rebase(value)]),
  );
}

function describe(errors) {
  return (errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || "(root)"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`)
    .join("; ");
}

export function snippet(text, max = 120) {
  const flat = String(text ?? "").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}
