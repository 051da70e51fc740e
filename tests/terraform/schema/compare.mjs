#!/usr/bin/env node
// Compares the committed aws.json with the real provider's schema, trimmed the same way: only the
// provider block and the resource and data source types the configuration uses (types.mjs).
// Descriptions are left out on both sides; every other difference fails.
//
// Usage: node tests/terraform/schema/compare.mjs FULL.json OUT.json
//   FULL.json  `terraform providers schema -json` of a root initialised with the pinned provider
//   OUT.json   where the real trimmed schema is written, to replace aws.json when they differ
// Run by tests/terraform/check.sh --provider registry (GitHub CI).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { usedTypes } from "./types.mjs";

const PROVIDER = "registry.terraform.io/hashicorp/aws";
const committedPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "aws.json");

// The same keys in the same order whatever order the source had, without description texts.
function normalized(value) {
  if (Array.isArray(value)) return value.map(normalized);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const key of Object.keys(value).sort()) {
    if (key === "description" || key === "description_kind") continue;
    out[key] = normalized(value[key]);
  }
  return out;
}

export function trimmed(full) {
  const schemas = full.provider_schemas?.[PROVIDER];
  if (!schemas) throw new Error(`no schema for ${PROVIDER} in the input`);
  const { resources, dataSources } = usedTypes();
  const pick = (all, names, kind) =>
    Object.fromEntries(
      names.map((name) => {
        if (!all?.[name]) throw new Error(`the provider has no ${kind} ${name}`);
        return [name, all[name]];
      }),
    );
  return {
    format_version: full.format_version,
    provider_schemas: {
      [PROVIDER]: {
        provider: schemas.provider,
        resource_schemas: pick(schemas.resource_schemas, resources, "resource"),
        data_source_schemas: pick(schemas.data_source_schemas, dataSources, "data source"),
      },
    },
  };
}

// Paths at which a and b differ, at most `limit` of them.
function differences(a, b, where = "", found = [], limit = 40) {
  if (found.length >= limit) return found;
  if (JSON.stringify(a) === JSON.stringify(b)) return found;
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      differences(a[key], b[key], `${where}/${key}`, found, limit);
    }
  } else {
    found.push(`${where || "/"}: committed ${JSON.stringify(a)}, real ${JSON.stringify(b)}`);
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [fullPath, outPath] = process.argv.slice(2);
  if (!fullPath || !outPath) {
    console.error("usage: compare.mjs FULL.json OUT.json");
    process.exit(2);
  }
  const real = trimmed(JSON.parse(fs.readFileSync(fullPath, "utf8")));
  fs.writeFileSync(outPath, `${JSON.stringify(normalized(real), null, 2)}\n`);
  const found = differences(normalized(JSON.parse(fs.readFileSync(committedPath, "utf8"))), normalized(real));
  if (found.length > 0) {
    console.error(`tests/terraform/schema/aws.json differs from the pinned provider's schema:\n  ${found.join("\n  ")}`);
    console.error(`Replace aws.json with ${outPath} (the real schema, trimmed) and commit it.`);
    process.exit(1);
  }
  console.log("tests/terraform/schema/aws.json matches the pinned provider's schema");
}
