#!/usr/bin/env node
// A schema-only stand-in for the hashicorp/aws provider, so that the real `terraform validate`
// and `terraform test` (with mock_provider "aws" {}) run without the registry.
//
// Usage: node tests/terraform/provider/server.mjs SOCKET [--schema FILE] [--computed]
//
// Serves Terraform plugin protocol 5 (tfplugin5.proto beside this file) over gRPC on the unix
// socket SOCKET and prints `ready SOCKET` on stdout once listening; Terraform attaches to it
// through TF_REATTACH_PROVIDERS (tests/terraform/run.sh sets that up). Exits on SIGTERM or SIGINT.
//
// GetSchema answers from FILE (default ../schema/aws.json), which has the shape of
// `terraform providers schema -json`. Everything else is a provider with no opinions: every
// configuration is valid; a plan is Terraform's proposed new state (so computed attributes stay
// null unless the configuration sets them); an apply returns the plan with any unknown values
// made null; a read returns the state it was given; a data source reads as its configuration.
// Imports are refused. mock_provider in terraform test needs only the schema and validation.
//
// With --computed, a plan also fills the computed attributes a configuration leaves unset (ARNs,
// ids, versions) with the values AWS would give, built from the resource's names, the provider's
// region and its first allowed account id (computed.mjs); aws_region reads as that region. Then a
// plain `terraform apply` to a local state renders every policy document in full
// (tests/terraform/render.mjs). Without it the answers are as above.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decode, encode, fillComputed, readData } from "./computed.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// The gRPC packages are installed with the other Node tools: npm ci --prefix tools.
const require = createRequire(path.join(here, "../../../tools/package.json"));

export const PROVIDER_ADDRESS = "registry.terraform.io/hashicorp/aws";
export const defaultSchemaPath = path.join(here, "../schema/aws.json");

function grpcPackages() {
  try {
    return { grpc: require("@grpc/grpc-js"), protoLoader: require("@grpc/proto-loader") };
  } catch (error) {
    throw new Error(`@grpc/grpc-js and @grpc/proto-loader are not installed: run \`npm ci --prefix tools\` (${error.message})`);
  }
}

// The tfplugin5 package: { grpc, Provider } where Provider is the service client constructor.
export function loadProtocol() {
  const { grpc, protoLoader } = grpcPackages();
  const definition = protoLoader.loadSync(path.join(here, "tfplugin5.proto"), {
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: false,
    oneofs: true,
  });
  return { grpc, Provider: grpc.loadPackageDefinition(definition).tfplugin5.Provider };
}

// ---------------------------------------------------------------------------------------------
// `terraform providers schema -json` shape -> protobuf Schema messages

function descriptionKind(kind) {
  return kind === "markdown" ? "MARKDOWN" : "PLAIN";
}

function protoBlock(block, where) {
  const attributes = Object.keys(block.attributes ?? {})
    .sort()
    .map((name) => {
      const a = block.attributes[name];
      if (a.nested_type) throw new Error(`${where}.${name}: nested attribute types need protocol 6`);
      if (a.type === undefined) throw new Error(`${where}.${name}: no type`);
      return {
        name,
        type: Buffer.from(JSON.stringify(a.type)),
        description: a.description ?? "",
        description_kind: descriptionKind(a.description_kind),
        required: Boolean(a.required),
        optional: Boolean(a.optional),
        computed: Boolean(a.computed),
        sensitive: Boolean(a.sensitive),
        deprecated: Boolean(a.deprecated),
      };
    });
  const blockTypes = Object.keys(block.block_types ?? {})
    .sort()
    .map((name) => {
      const b = block.block_types[name];
      const nesting = String(b.nesting_mode ?? "").toUpperCase();
      if (!["SINGLE", "LIST", "SET", "MAP", "GROUP"].includes(nesting)) {
        throw new Error(`${where}.${name}: unknown nesting_mode ${b.nesting_mode}`);
      }
      return {
        type_name: name,
        block: protoBlock(b.block ?? {}, `${where}.${name}`),
        nesting,
        min_items: b.min_items ?? 0,
        max_items: b.max_items ?? 0,
      };
    });
  return {
    version: block.version ?? 0,
    attributes,
    block_types: blockTypes,
    description: block.description ?? "",
    description_kind: descriptionKind(block.description_kind),
    deprecated: Boolean(block.deprecated),
  };
}

function protoSchema(schema, where) {
  return { version: schema.version ?? 0, block: protoBlock(schema.block ?? {}, where) };
}

// The GetSchema response for a schema document (parsed aws.json).
export function providerSchemaResponse(document) {
  const schemas = document.provider_schemas?.[PROVIDER_ADDRESS];
  if (!schemas) throw new Error(`the schema holds no provider_schemas["${PROVIDER_ADDRESS}"]`);
  const byName = (group, kind) =>
    Object.fromEntries(
      Object.keys(group ?? {})
        .sort()
        .map((name) => [name, protoSchema(group[name], `${kind} ${name}`)]),
    );
  return {
    provider: protoSchema(schemas.provider ?? { block: {} }, "provider"),
    resource_schemas: byName(schemas.resource_schemas, "resource"),
    data_source_schemas: byName(schemas.data_source_schemas, "data source"),
    diagnostics: [],
    // Like the real provider: Terraform may reuse the schema instead of asking again.
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false },
  };
}

// ---------------------------------------------------------------------------------------------
// MessagePack: unknown values (cty encodes them as extension types) -> nil

// Copies a MessagePack value, writing nil in place of every extension value. Terraform requires
// an applied state to be wholly known; the stand-in has nothing better to put there.
export function withoutUnknowns(buf) {
  const out = [];
  let i = 0;
  const copy = (n) => {
    if (i + n > buf.length) throw new Error("truncated MessagePack value");
    out.push(buf.subarray(i, i + n));
    i += n;
  };
  const unknown = (n) => {
    out.push(Buffer.from([0xc0]));
    i += n;
  };
  const items = (n) => {
    for (let k = 0; k < n; k++) value();
  };
  function value() {
    const b = buf[i];
    if (b === undefined) throw new Error("truncated MessagePack value");
    if (b <= 0x7f || b >= 0xe0) return copy(1); // fixints
    if (b <= 0x8f) return copy(1), items((b & 0x0f) * 2); // fixmap
    if (b <= 0x9f) return copy(1), items(b & 0x0f); // fixarray
    if (b <= 0xbf) return copy(1 + (b & 0x1f)); // fixstr
    switch (b) {
      case 0xc0: case 0xc2: case 0xc3: return copy(1); // nil, false, true
      case 0xc4: case 0xd9: return copy(2 + buf[i + 1]); // bin8, str8
      case 0xc5: case 0xda: return copy(3 + buf.readUInt16BE(i + 1)); // bin16, str16
      case 0xc6: case 0xdb: return copy(5 + buf.readUInt32BE(i + 1)); // bin32, str32
      case 0xc7: return unknown(3 + buf[i + 1]); // ext8
      case 0xc8: return unknown(4 + buf.readUInt16BE(i + 1)); // ext16
      case 0xc9: return unknown(6 + buf.readUInt32BE(i + 1)); // ext32
      case 0xca: return copy(5); // float32
      case 0xcb: return copy(9); // float64
      case 0xcc: case 0xd0: return copy(2); // (u)int8
      case 0xcd: case 0xd1: return copy(3); // (u)int16
      case 0xce: case 0xd2: return copy(5); // (u)int32
      case 0xcf: case 0xd3: return copy(9); // (u)int64
      case 0xd4: return unknown(3); // fixext1
      case 0xd5: return unknown(4); // fixext2
      case 0xd6: return unknown(6); // fixext4
      case 0xd7: return unknown(10); // fixext8
      case 0xd8: return unknown(18); // fixext16
      case 0xdc: { const n = buf.readUInt16BE(i + 1); copy(3); return items(n); } // array16
      case 0xdd: { const n = buf.readUInt32BE(i + 1); copy(5); return items(n); } // array32
      case 0xde: { const n = buf.readUInt16BE(i + 1); copy(3); return items(2 * n); } // map16
      case 0xdf: { const n = buf.readUInt32BE(i + 1); copy(5); return items(2 * n); } // map32
      default: throw new Error(`invalid MessagePack byte 0x${b.toString(16)}`);
    }
  }
  value();
  if (i !== buf.length) throw new Error("trailing bytes after MessagePack value");
  return Buffer.concat(out);
}

// ---------------------------------------------------------------------------------------------
// The service

function error(summary, detail = "") {
  return { severity: "ERROR", summary, detail };
}

// The region and account of the provider's configuration, for --computed.
function providerSettings(config) {
  const decoded = config?.msgpack?.length ? decode(config.msgpack) : {};
  return { region: decoded.region ?? "us-east-1", account: [decoded.allowed_account_ids ?? []].flat()[0] ?? "123456789012" };
}

export function providerService(schemaResponse, log = () => {}, { document = null } = {}) {
  const schemas = document?.provider_schemas?.[PROVIDER_ADDRESS];
  let settings = providerSettings(null);
  const fill = (kind, typeName, dynamicValue, how) => {
    const block = schemas?.[kind]?.[typeName]?.block;
    if (!block || !dynamicValue?.msgpack?.length) return dynamicValue;
    return { msgpack: encode(how(typeName, decode(dynamicValue.msgpack), block, settings)) };
  };
  const handler = (name, answer) => (call, callback) => {
    const request = call.request ?? {};
    log(request.type_name ? `${name} ${request.type_name}` : name);
    try {
      callback(null, answer(request));
    } catch (e) {
      callback(null, { diagnostics: [error(`stand-in provider: ${name} failed`, e.message)] });
    }
  };
  return {
    GetSchema: handler("GetSchema", () => schemaResponse),
    PrepareProviderConfig: handler("PrepareProviderConfig", (r) => ({ prepared_config: r.config, diagnostics: [] })),
    ValidateResourceTypeConfig: handler("ValidateResourceTypeConfig", () => ({ diagnostics: [] })),
    ValidateDataSourceConfig: handler("ValidateDataSourceConfig", () => ({ diagnostics: [] })),
    Configure: handler("Configure", (r) => {
      if (schemas) settings = providerSettings(r.config);
      return { diagnostics: [] };
    }),
    Stop: handler("Stop", () => ({ Error: "" })),
    UpgradeResourceState: handler("UpgradeResourceState", (r) => {
      const json = r.raw_state?.json;
      if (json && json.length) return { upgraded_state: { json }, diagnostics: [] };
      if (r.raw_state?.flatmap && Object.keys(r.raw_state.flatmap).length) {
        return { diagnostics: [error("stand-in provider: legacy flatmap state is not supported")] };
      }
      return { diagnostics: [] };
    }),
    ReadResource: handler("ReadResource", (r) => ({ new_state: r.current_state, private: r.private, diagnostics: [] })),
    PlanResourceChange: handler("PlanResourceChange", (r) => ({
      planned_state: schemas ? fill("resource_schemas", r.type_name, r.proposed_new_state, fillComputed) : r.proposed_new_state,
      planned_private: r.prior_private,
      requires_replace: [],
      diagnostics: [],
    })),
    ApplyResourceChange: handler("ApplyResourceChange", (r) => {
      const planned = r.planned_state;
      let newState = planned;
      if (planned?.msgpack?.length) newState = { msgpack: withoutUnknowns(planned.msgpack) };
      return { new_state: newState, private: r.planned_private, diagnostics: [] };
    }),
    ImportResourceState: handler("ImportResourceState", (r) => ({
      imported_resources: [],
      diagnostics: [error("stand-in provider: import is not supported", `Cannot import ${r.type_name} "${r.id}": this is a schema-only stand-in of hashicorp/aws.`)],
    })),
    ReadDataSource: handler("ReadDataSource", (r) => ({
      state: schemas ? fill("data_source_schemas", r.type_name, r.config, readData) : r.config,
      diagnostics: [],
    })),
  };
}

// Starts the server on a unix socket; resolves to the grpc.Server once it listens.
export function serve(socketPath, { schemaPath = defaultSchemaPath, log = () => {}, computed = false } = {}) {
  const { grpc, Provider } = loadProtocol();
  const document = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
  const response = providerSchemaResponse(document);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": 256 << 20,
    "grpc.max_send_message_length": 256 << 20,
  });
  server.addService(Provider.service, providerService(response, log, { document: computed ? document : null }));
  return new Promise((resolve, reject) => {
    server.bindAsync(`unix:${socketPath}`, grpc.ServerCredentials.createInsecure(), (err) => {
      if (err) reject(err);
      else resolve(server);
    });
  });
}

async function main(argv) {
  let socketPath;
  let schemaPath = defaultSchemaPath;
  let computed = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--schema") schemaPath = path.resolve(argv[++i]);
    else if (argv[i] === "--computed") computed = true;
    else if (!socketPath && !argv[i].startsWith("--")) socketPath = path.resolve(argv[i]);
    else throw new Error(`unexpected argument ${argv[i]} (usage: server.mjs SOCKET [--schema FILE] [--computed])`);
  }
  if (!socketPath) throw new Error("usage: server.mjs SOCKET [--schema FILE] [--computed]");
  const server = await serve(socketPath, {
    schemaPath,
    computed,
    log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  });
  const stop = (signal) => {
    process.stderr.write(`${new Date().toISOString()} ${signal}: stopping\n`);
    server.forceShutdown();
    fs.rmSync(socketPath, { force: true });
    process.exit(0);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  process.stdout.write(`ready ${socketPath}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`server.mjs: ${e.message}\n`);
    process.exit(1);
  });
}
