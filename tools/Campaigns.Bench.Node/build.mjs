// Bundles each function as AWS recommends for Node.js functions: one minified ES module per function,
// the SDK inside, nothing external. mainFields puts the SDK's ES module builds first: its CommonJS
// builds require node: built-ins, which an ES module bundle cannot do.
// Usage: node tools/Campaigns.Bench.Node/build.mjs OUTDIR  (writes OUTDIR/<function>.mjs)
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const FUNCTIONS = join(fileURLToPath(import.meta.url), "..", "functions");

export async function bundle(outdir) {
  await build({
    entryPoints: readdirSync(FUNCTIONS).filter((name) => name.endsWith(".mjs")).map((name) => join(FUNCTIONS, name)),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    mainFields: ["module", "main"],
    minify: true,
    logLevel: "warning",
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) throw new Error("usage: node build.mjs OUTDIR");
  await bundle(process.argv[2]);
}
