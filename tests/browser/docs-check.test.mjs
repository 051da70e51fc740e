// The /docs check (docs.test.mjs) must fail, naming the fault, on a page that loads a script from
// another host, on one that shows Redoc's stock logo from its CDN, and on one rendered from a contract
// without one operation. Each page is derived from the one the running local API serves
// (CAMPAIGNS_API_URL, as for docs.test.mjs), served here with that page's own headers, and the
// check runs on it in its own node --test.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..");
const require = createRequire(join(ROOT, "tools/package.json"));
const { parse, stringify } = require("yaml");
const HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy"];

let served;
let headers;
let work;

before(async () => {
  const base = process.env.CAMPAIGNS_API_URL;
  assert.ok(base, "CAMPAIGNS_API_URL must name the running local API, e.g. http://127.0.0.1:3000");
  const response = await fetch(new URL("/docs", base));
  assert.equal(response.status, 200);
  served = await response.text();
  headers = Object.fromEntries(HEADERS.filter((name) => response.headers.has(name)).map((name) => [name, response.headers.get(name)]));
  work = mkdtempSync(join(tmpdir(), "campaigns-docs-check-"));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// Serves PAGE at /docs with the real page's headers, runs docs.test.mjs against it, and returns
// { status, output }.
async function checkPage(page) {
  const server = createServer((req, res) => {
    if (req.url !== "/docs") return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(page);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const env = { ...process.env, CAMPAIGNS_API_URL: `http://127.0.0.1:${server.address().port}` };
    delete env.CAMPAIGNS_DOCS_SCREENSHOT;
    // Set by the runner of this file: the inner node --test would report to it instead of printing.
    delete env.NODE_TEST_CONTEXT;
    // Asynchronously, so that this process keeps serving the page.
    return await new Promise((resolve) =>
      execFile(process.execPath, ["--test", "--test-reporter=tap", join(ROOT, "tests/browser/docs.test.mjs")], { env, timeout: 240_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
        resolve({ status: error ? (error.code ?? 1) : 0, output: stdout + stderr }),
      ),
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

// The local logos build_api_docs (tools/build/lib/apidocs.sh) puts where Redoc's page takes its own
// from cdn.redoc.ly, by the CDN address each replaces.
function localLogos() {
  const script = readFileSync(join(ROOT, "tools/build/lib/apidocs.sh"), "utf8");
  const svg = (name) => script.match(new RegExp(`^${name}='([^']*)'`, "m"))[1];
  const data = (name) => `data:image/svg+xml;base64,${Buffer.from(svg(name)).toString("base64")}`;
  return {
    "https://cdn.redoc.ly/redoc/logo-mini-full.svg": data("API_DOCS_LOGO"),
    "https://cdn.redoc.ly/redoc/logo-mini.svg": data("API_DOCS_LOGO_MINI"),
  };
}

test("the page as served passes the check (so that the failures below are the faults')", async () => {
  const { status, output } = await checkPage(served);
  assert.equal(status, 0, output.slice(-3000));
});

test("a script from another host fails the check, which names it", async () => {
  const script = "https://cdn.example.net/analytics.js";
  const page = served.replace("</head>", `<script src="${script}"></script></head>`);
  assert.notEqual(page, served);
  const { status, output } = await checkPage(page);
  assert.notEqual(status, 0);
  assert.ok(output.includes(script), `the check does not name ${script}:\n${output.slice(-3000)}`);
});

test("Redoc's stock logo from its CDN fails the check, which names it", async () => {
  let page = served;
  for (const [cdn, local] of Object.entries(localLogos())) page = page.replaceAll(local, cdn);
  assert.notEqual(page, served, "the served page holds none of the local logos");
  const { status, output } = await checkPage(page);
  assert.notEqual(status, 0);
  assert.match(output, /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/, output.slice(-3000));
});

test("a page rendered from a contract without one operation fails the check, which names the operation", async () => {
  const contract = parse(readFileSync(join(ROOT, "docs/openapi.yaml"), "utf8"));
  const [path, item] = Object.entries(contract.paths).find(([, entry]) => entry.delete);
  const removed = item.delete.operationId;
  delete contract.paths[path].delete;
  const yaml = join(work, "openapi.yaml");
  writeFileSync(yaml, stringify(contract));
  const html = join(work, "docs.html");
  // The same rendering as build_api_docs, local logos included, so that only the operation differs.
  await new Promise((resolve, reject) =>
    execFile(join(ROOT, "tools/node_modules/.bin/redocly"), ["build-docs", yaml, "--inlineBundle", "--output", html], { env: { ...process.env, REDOCLY_TELEMETRY: "off" }, timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`redocly build-docs failed: ${stderr}`)) : resolve(),
    ),
  );
  let page = readFileSync(html, "utf8");
  for (const [cdn, local] of Object.entries(localLogos())) page = page.replaceAll(cdn, local);
  const { status, output } = await checkPage(page);
  assert.notEqual(status, 0);
  assert.match(output, new RegExp(`operations not shown: ${removed} `), output.slice(-3000));
});
