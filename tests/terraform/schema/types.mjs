// Which hashicorp/aws resource and data source types the configuration under terraform/ uses.
// Shared by generate.mjs (what goes into aws.json) and schema.test.mjs (aws.json holds exactly
// those), so the two cannot scan differently.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const terraformDir = path.join(repoRoot, "terraform");

// Every *.tf file under dir, sorted; Terraform's own working folders are skipped.
export function tfFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== ".terraform") found.push(...tfFiles(full));
    } else if (entry.isFile() && entry.name.endsWith(".tf")) {
      found.push(full);
    }
  }
  return found.sort();
}

// A block comment that opens a line could hold a commented-out block header. Only those are
// removed: `/*` elsewhere is usually inside a string (an ARN's "/*/*"). Line comments cannot
// match the pattern below, which anchors at the start of a line.
function withoutBlockComments(text) {
  return text.replace(/^[ \t]*\/\*[\s\S]*?\*\//gm, "");
}

const blockHeader = /^\s*(resource|data)\s+"(aws_[a-z0-9_]+)"/gm;

// The types used by the given HCL source text.
export function typesInText(text) {
  const resources = new Set();
  const dataSources = new Set();
  for (const match of withoutBlockComments(text).matchAll(blockHeader)) {
    (match[1] === "resource" ? resources : dataSources).add(match[2]);
  }
  return { resources, dataSources };
}

// { resources: [...], dataSources: [...] }, each sorted and without duplicates.
export function usedTypes(dir = terraformDir) {
  const resources = new Set();
  const dataSources = new Set();
  for (const file of tfFiles(dir)) {
    const found = typesInText(fs.readFileSync(file, "utf8"));
    found.resources.forEach((t) => resources.add(t));
    found.dataSources.forEach((t) => dataSources.add(t));
  }
  return { resources: [...resources].sort(), dataSources: [...dataSources].sort() };
}
